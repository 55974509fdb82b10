import { css } from 'lit';

export default css`
  :host {
    display: block;
    color: var(--_text);
  }

  .plans {
    border: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }

  .plans__legend {
    font-weight: 600;
    padding: 0 0 0.5em;
  }

  .plans__plan {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.75em;
    align-items: baseline;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }

  .plans__plan--checked {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  .plans__radio {
    margin: 0;
    inline-size: 1.25em;
    block-size: 1.25em;
    accent-color: var(--_accent);
  }

  .plans__total {
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .plans__unavailable {
    margin: 0;
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: no-preference) {
    .plans__plan {
      transition: border-color 120ms ease-out;
    }
  }
`;
