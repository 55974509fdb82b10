// The Fenqi elements in React 19, which sets properties on custom elements and listens to their
// events by name: `amount={…}` reaches the element's `amount` property, `onfenqi-ready={…}` its
// `fenqi-ready` event. <fenqi-plans> is a form field, so a plain <form> submits the chosen plan.
// (React 18 passes everything as string attributes and cannot listen to custom events: wrap the
// elements with @lit/react's createComponent there, as examples/react18 does.)
import { moneyFromMinor, toDecimalString } from '@fenqi/core';
import { configure } from '@fenqi/widget/define.js';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;
configure({ publishableKey: meta('fenqi-publishable-key'), apiBase: meta('fenqi-api-base'), merchant: 'demo-education', scenario: 'education', currency: 'USD', locale: 'en-US' });

const SEAT = 129_900n; // $1,299.00 in cents: money stays in integers

function Enrolment() {
  const [seats, setSeats] = useState(2);
  const [headline, setHeadline] = useState(null);
  const [chosen, setChosen] = useState(null);
  const amount = toDecimalString(moneyFromMinor(SEAT * BigInt(seats), 'USD'));
  return (
    <main>
      <h1>Team workshop</h1>
      <section className="panel">
        <div className="field">
          <label htmlFor="seats">Seats at $1,299.00</label>
          <select id="seats" value={seats} onChange={(event) => setSeats(Number(event.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </div>
        <div className="offer-slot">
          <fenqi-offer id="offer" amount={amount} layout="card" onfenqi-ready={(event) => setHeadline(event.detail)} />
        </div>
        <p className="message status-line" id="headline" role="status">{headline ? `fenqi-ready: ${headline.termMonths} months from ${headline.payment} ${headline.currency}` : ''}</p>
        {/* The picker appears once there are offers: a list that fills in later would push its button down. */}
        {headline && (
          <form
            id="plan-form"
            onSubmit={(event) => {
              event.preventDefault();
              setChosen(new FormData(event.currentTarget).get('plan'));
            }}
          >
            <fenqi-plans id="plans" name="plan" amount={amount} required />
            <div className="actions">
              <button type="submit" className="button" id="choose">Choose this plan</button>
            </div>
            <p className="message status-line" id="chosen" role="status">{chosen ? `The form submitted plan=${chosen}` : ''}</p>
          </form>
        )}
      </section>
    </main>
  );
}

createRoot(document.querySelector('#root')).render(<Enrolment />);
