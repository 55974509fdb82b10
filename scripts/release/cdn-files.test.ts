// The widget's CDN files as the release uploads them (packages/widget/cdn after `npm run build`):
// what manifest.json says about each file must be true of its bytes, because partners copy the
// hashes into their pages and a wrong one blanks the widget on every page that uses it.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const CDN = new URL('../../packages/widget/cdn/', import.meta.url);

interface CdnFile {
  readonly file: string;
  readonly integrity: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly loads?: readonly string[];
}

describe('the CDN files and their manifest (packages/widget/cdn)', () => {
  before(function () {
    if (!existsSync(new URL('manifest.json', CDN))) throw new Error('packages/widget/cdn/manifest.json is missing: run `npm run build` first');
  });
  const read = () => JSON.parse(readFileSync(new URL('manifest.json', CDN), 'utf8')) as { name: string; version: string; files: Record<'module' | 'checkout' | 'classic', CdnFile> };

  it('lists every file in the folder, each named by the package version', () => {
    const { name, version, files } = read();
    const widget = JSON.parse(readFileSync(new URL('../package.json', CDN), 'utf8')) as { name: string; version: string };
    expect({ name, version }).to.deep.equal({ name: widget.name, version: widget.version });
    expect(Object.keys(files).sort()).to.deep.equal(['checkout', 'classic', 'module']);
    expect(Object.values(files).map((entry) => entry.file).sort()).to.deep.equal(readdirSync(CDN).filter((file) => file !== 'manifest.json').sort());
    expect(files.module.file).to.equal(`fenqi-widget-${version}.js`);
    expect(files.classic.file).to.equal(`fenqi-widget-${version}.iife.js`);
    expect(files.checkout.file).to.match(new RegExp(`^fenqi-checkout-${version.replaceAll('.', '\\.')}-[\\w-]+\\.js$`));
    expect(files.module.loads, 'the module fetches the checkout chunk, and nothing else').to.deep.equal([files.checkout.file]);
  });

  it("records each file's real SRI hash and sizes", () => {
    for (const entry of Object.values(read().files)) {
      const bytes = readFileSync(new URL(entry.file, CDN));
      expect(entry.integrity, entry.file).to.equal(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
      expect(entry.bytes, entry.file).to.equal(bytes.length);
      expect(entry.gzipBytes, entry.file).to.equal(gzipSync(bytes, { level: 9 }).length);
    }
  });

  it("needs neither 'unsafe-eval' nor inline styles under a strict CSP", () => {
    for (const { file } of Object.values(read().files)) {
      const code = readFileSync(new URL(file, CDN), 'utf8');
      expect(code, file).not.to.match(/\beval\s*\(|\bnew Function\s*\(|[^\w$.]Function\s*\(/);
      // A style attribute or an inline <style> would need 'unsafe-inline'; the elements adopt
      // constructable stylesheets instead (the journeys check the pages under such a policy).
      expect(code, file).not.to.match(/setAttribute\(\s*["']style["']|\.style\.cssText\s*=|<style[\s>]/);
    }
  });
});
