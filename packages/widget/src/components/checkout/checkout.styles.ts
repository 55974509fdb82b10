import { css } from 'lit';

export default css`
  :host {
    display: contents;
    --_danger: var(--fenqi-color-danger, #b3261e);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_danger: var(--fenqi-color-danger, #ffb4ab);
    }
  }

  :host([theme='dark']) {
    --_danger: var(--fenqi-color-danger, #ffb4ab);
  }

  .checkout__progress {
    margin: 0;
    color: var(--_muted);
  }

  .checkout__step {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75em;
  }

  .checkout__step p {
    margin: 0;
  }

  .step__title {
    margin: 0;
    font-size: 1.1em;
  }

  .step__title:focus {
    outline: none;
  }

  .step__title:focus-visible {
    outline: var(--_focus);
  }

  .checkout__form {
    display: grid;
    gap: 1em;
  }

  .field {
    display: grid;
    gap: 0.25em;
  }

  .field__label {
    font-weight: 600;
  }

  .field__hint {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .field input,
  .field select {
    font: inherit;
    min-block-size: 44px;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  .field--invalid input,
  .field--invalid select {
    border-color: var(--_danger);
    border-width: 2px;
  }

  .field__error,
  .checkout__notice {
    color: var(--_danger);
    font-weight: 600;
  }

  .check {
    display: flex;
    gap: 0.6em;
    align-items: start;
  }

  .check input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0.15em 0 0;
    flex: none;
    accent-color: var(--_accent);
  }

  .checkout__links {
    display: flex;
    gap: 1em;
  }

  .checkout__links a {
    color: var(--_accent);
  }

  .checkout__busy {
    color: var(--_muted);
  }

  .checkout__actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: end;
    gap: 0.75em;
  }

  .button {
    font: inherit;
    min-inline-size: 44px;
    min-block-size: 44px;
    padding: 0.4em 1.1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }

  .button--primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_surface);
    font-weight: 600;
  }

  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  .decision__reasons {
    margin: 0;
    padding-inline-start: 1.25em;
  }
`;
