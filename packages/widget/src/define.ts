/**
 * Registers every Fenqi element (`<fenqi-offer>`, `<fenqi-plans>`, `<fenqi-schedule>`) and
 * re-exports the package, so one import is enough on a plain page. Registration is guarded: a
 * second copy of the widget never throws.
 *
 * @example
 * ```ts
 * import { configure } from '@fenqi/widget/define.js'
 * configure({ publishableKey: 'pk_test_51HxExample', merchant: 'shop-1' })
 * ```
 *
 * @module @fenqi/widget/define
 */
import './components/offer/offer.js';

export * from './index.js';
