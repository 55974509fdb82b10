import { css } from 'lit';

export default css`
  :host {
    display: block;
    color: var(--_text);
  }

  .schedule__table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  .schedule__caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5em;
  }

  th,
  td {
    padding: 0.25em 0.5em;
    border-block-end: 1px solid var(--_border);
    text-align: end;
    white-space: nowrap;
  }

  thead th {
    color: var(--_muted);
    font-weight: 600;
  }

  tbody th {
    font-weight: normal;
  }

  tfoot th,
  tfoot td {
    font-weight: 600;
    border-block-end: none;
  }

  .schedule__scroller {
    overflow-x: auto;
  }

  .schedule__note {
    margin: 0.5em 0 0;
    color: var(--_muted);
  }

  .schedule__summary {
    display: grid;
    grid-template-columns: auto auto;
    justify-content: start;
    gap: 0.25em 1.5em;
    margin: 0.75em 0 0;
  }

  .schedule__summary dt {
    color: var(--_muted);
  }

  .schedule__summary dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }

  .schedule__unavailable {
    margin: 0;
    color: var(--_muted);
  }
`;
