// The Fenqi elements in React 18, which passes every prop as a string attribute and cannot listen
// to custom events: @lit/react's createComponent wraps each element so props become properties
// and events become callbacks. (React 19 needs no wrapper: see examples/react.) This folder is a
// workspace of its own so that its React 18 can sit beside the repository's React 19.
import { createComponent } from '@lit/react';
import { moneyFromMinor, toDecimalString } from '@fenqi/core';
import { configure, FenqiOffer, FenqiPlans } from '@fenqi/widget/define.js';
import * as React from 'react';
import { createRoot } from 'react-dom/client';

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;
configure({ publishableKey: meta('fenqi-publishable-key'), apiBase: meta('fenqi-api-base'), merchant: 'demo-education', scenario: 'education', currency: 'USD', locale: 'en-US' });

const Offer = createComponent({ tagName: 'fenqi-offer', elementClass: FenqiOffer, react: React, events: { onReady: 'fenqi-ready' } });
const Plans = createComponent({ tagName: 'fenqi-plans', elementClass: FenqiPlans, react: React, events: { onPlanChange: 'change' } });

const SEAT = 129_900n; // $1,299.00 in cents: money stays in integers

function Enrolment() {
  const [seats, setSeats] = React.useState(2);
  const [headline, setHeadline] = React.useState(null);
  const [chosen, setChosen] = React.useState(null);
  const amount = toDecimalString(moneyFromMinor(SEAT * BigInt(seats), 'USD'));
  return (
    <main>
      <h1>Team workshop (React 18)</h1>
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
          <Offer id="offer" amount={amount} layout="card" onReady={(event) => setHeadline(event.detail)} />
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
            <Plans id="plans" name="plan" amount={amount} required />
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
