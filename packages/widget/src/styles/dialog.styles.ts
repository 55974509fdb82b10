import { css } from 'lit';

/** The modal `<dialog>` of `<fenqi-offer>` and `<fenqi-checkout>`: size, backdrop, header and close button. */
export default css`
  /* Anchored near the top, not centred: a step that grows (review → approved, with its schedule)
     extends the dialog downwards, so its header and what the shopper was reading stay put. */
  .dialog {
    inline-size: min(44rem, calc(100vw - 2rem));
    margin-block: min(8dvh, 4rem) auto;
    max-block-size: calc(100dvh - min(8dvh, 4rem) - 1rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    /* The <fenqi-plans> and <fenqi-schedule> inside resolve their own colours from these tokens:
       hand them this element's, so a dark offer (theme="dark", or the system's) has dark insides. */
    --fenqi-color-text: var(--_text);
    --fenqi-color-muted: var(--_muted);
    --fenqi-color-accent: var(--_accent);
    --fenqi-color-surface: var(--_surface);
    --fenqi-color-border: var(--_border);
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  .dialog__body {
    display: grid;
    /* minmax(0, …): a wide schedule scrolls inside its own box instead of widening the dialog past a phone's screen. */
    grid-template-columns: minmax(0, 1fr);
    gap: 1em;
    padding: 1.25em;
  }

  .dialog__header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 1em;
  }

  .dialog__title {
    margin: 0;
    font-size: 1.25em;
  }

  .dialog__close {
    font: inherit;
    min-inline-size: 44px;
    min-block-size: 44px;
    padding: 0.25em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }

  @media (prefers-reduced-motion: no-preference) {
    .dialog[open] {
      animation: fenqi-fade-in 150ms ease-out;
    }
  }

  @keyframes fenqi-fade-in {
    from {
      opacity: 0;
      transform: translateY(0.5em);
    }
  }
`;
