import { css } from 'lit';

// Reserved block sizes (zero layout shift, B14): the host takes its final height before the rate
// card arrives. With the default line height L = 1.5 and font size F:
//   text  = L·F                 (24px at 16px)
//   badge = L·F + 0.5em + 2px   (34px at 16px)
//   card  = 3·L·F + 2em + 2px   (106px at 16px)
// docs/widget.md publishes the same numbers; the offer tests measure them.
export default css`
  :host {
    display: block;
    color: inherit;
    --_reserve: calc(var(--_line-height) * 1em);
    min-block-size: var(--_reserve);
  }

  :host([layout='badge']) {
    --_reserve: calc(var(--_line-height) * 1em + 0.5em + 2px);
  }

  :host([layout='card']) {
    --_reserve: calc(3 * var(--_line-height) * 1em + 2em + 2px);
  }

  /* Hidden when there is nothing to offer, unless the page asked for the "not available" line. */
  :host([status='ineligible']:not([when-unavailable='message'])),
  :host([status='error']:not([when-unavailable='message'])) {
    display: none;
  }

  .offer {
    margin: 0;
  }

  .offer--badge {
    display: inline-flex;
    align-items: baseline;
    gap: 0.5em;
    padding: 0.25em 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    white-space: nowrap;
  }

  .offer--card {
    display: grid;
    grid-template-rows: repeat(3, calc(var(--_line-height) * 1em));
    justify-items: start;
    padding: 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  .offer__headline {
    font-weight: 600;
  }

  .offer__detail,
  .offer--unavailable {
    color: var(--_muted);
  }

  .offer--text.offer--unavailable {
    color: inherit;
    opacity: 0.8;
  }

  .offer__learn-more {
    font: inherit;
    line-height: inherit;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  .offer--text .offer__learn-more {
    margin-inline-start: 0.5em;
  }

  .offer__skeleton {
    display: inline-block;
    inline-size: min(18em, 100%);
    block-size: 0.9em;
    vertical-align: middle;
    border-radius: 0.25em;
    background: var(--_border);
    opacity: 0.5;
  }

  @media (prefers-reduced-motion: no-preference) {
    .offer__skeleton {
      animation: fenqi-pulse 1.2s ease-in-out infinite alternate;
    }
  }

  @keyframes fenqi-pulse {
    to {
      opacity: 0.2;
    }
  }

  .dialog__example {
    margin: 0;
    color: var(--_muted);
  }

  .dialog__actions {
    display: flex;
    justify-content: end;
  }

  .dialog__apply {
    font: inherit;
    font-weight: 600;
    min-block-size: 44px;
    padding: 0.4em 1.1em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_surface);
    cursor: pointer;
  }
`;
