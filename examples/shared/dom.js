// A few lines instead of innerHTML: pages build their DOM from data with this, so text from a
// catalogue or a server never becomes markup (and no inline style is ever written).

/**
 * Creates an element. `props`: `class`, `on<event>` listeners, booleans as attributes (and the
 * `checked`, `disabled`, `selected` properties), anything else as an attribute; `children` may
 * be strings, nodes, arrays of them, or null/false to skip.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) {
      element.setAttribute(name, '');
      if (name in element) element[name] = true;
    } else element.setAttribute(name, String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}
