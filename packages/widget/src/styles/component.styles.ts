import { css } from 'lit';

/**
 * Shared by every element: box sizing, `[hidden]`, and the theme. Global tokens are `--fenqi-*`
 * (set them on any ancestor); the private `--_*` variables resolve them with light and dark defaults.
 * The default theme follows `prefers-color-scheme`; `theme="light"` or `theme="dark"` forces one.
 */
export default css`
  :host {
    box-sizing: border-box;
    --_line-height: var(--fenqi-line-height, 1.5);
    --_text: var(--fenqi-color-text, #1f2328);
    --_muted: var(--fenqi-color-muted, #555f6b);
    --_accent: var(--fenqi-color-accent, #0b57d0);
    --_surface: var(--fenqi-color-surface, #ffffff);
    --_border: var(--fenqi-color-border, #c4ccd5);
    --_radius: var(--fenqi-radius, 0.5em);
    --_focus: var(--fenqi-focus-ring, 2px solid var(--_accent));
    font-family: var(--fenqi-font-family, inherit);
    line-height: var(--_line-height);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_text: var(--fenqi-color-text, #e6edf3);
      --_muted: var(--fenqi-color-muted, #aab4bf);
      --_accent: var(--fenqi-color-accent, #8ab4f8);
      --_surface: var(--fenqi-color-surface, #1b1f24);
      --_border: var(--fenqi-color-border, #4a525c);
    }
  }

  :host([theme='dark']) {
    --_text: var(--fenqi-color-text, #e6edf3);
    --_muted: var(--fenqi-color-muted, #aab4bf);
    --_accent: var(--fenqi-color-accent, #8ab4f8);
    --_surface: var(--fenqi-color-surface, #1b1f24);
    --_border: var(--fenqi-color-border, #4a525c);
  }

  :host *,
  :host *::before,
  :host *::after {
    box-sizing: inherit;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
