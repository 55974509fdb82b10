/**
 * A verbatim copy of `shared/reference/loan-vectors.json` (published regulation and product
 * examples, see loan-math.md), kept in the repository so the tests run in a plain clone and in
 * the browser. `loan-vectors.test.ts` fails if the copy drifts from the shared original.
 */
/** One vector; which fields are present depends on `kind` (see loan-math.md §3). */
export interface LoanVector {
  readonly id: string;
  readonly kind: 'irr' | 'single' | 'rates' | 'years' | 'jp_fee_per100' | 'annuity';
  readonly ccy: string;
  readonly principal?: string;
  /** `irr`: [first period, count, amount]; `years`: [years, amount]. Fractions are written "a/b". */
  readonly flows?: readonly (readonly (number | string)[])[];
  readonly ppy?: number;
  readonly amount?: string;
  readonly days?: number;
  readonly rateFactors?: readonly string[];
  readonly round?: string;
  readonly dp?: number;
  readonly rate?: string;
  readonly n?: number;
  readonly annualRate?: string;
  readonly counts?: readonly number[];
  readonly expect: Readonly<Record<string, string | readonly string[]>>;
  readonly note?: string;
}

export const LOAN_VECTORS: readonly LoanVector[] = [
  {
    "id": "CN-FEE-01",
    "kind": "irr",
    "ccy": "CNY",
    "principal": "12000.00",
    "flows": [
      [
        1,
        12,
        "1072.00"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "13.03",
      "effectivePct": "13.84"
    },
    "note": "0.6%/month fee on original principal, 12 periods; naive 0.6x12=7.2%"
  },
  {
    "id": "CN-FEE-02",
    "kind": "irr",
    "ccy": "CNY",
    "principal": "12000.00",
    "flows": [
      [
        1,
        3,
        "4072.00"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "10.77",
      "effectivePct": "11.32"
    }
  },
  {
    "id": "CN-FEE-03",
    "kind": "irr",
    "ccy": "CNY",
    "principal": "12000.00",
    "flows": [
      [
        1,
        6,
        "2072.00"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "12.24",
      "effectivePct": "12.95"
    }
  },
  {
    "id": "CN-FEE-04",
    "kind": "irr",
    "ccy": "CNY",
    "principal": "12000.00",
    "flows": [
      [
        1,
        24,
        "572.00"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "13.27",
      "effectivePct": "14.10"
    }
  },
  {
    "id": "CN-FEE-06",
    "kind": "irr",
    "ccy": "CNY",
    "principal": "12000.00",
    "flows": [
      [
        1,
        12,
        "1090.00"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "16.22",
      "effectivePct": "17.48"
    }
  },
  {
    "id": "CN-IO-01",
    "kind": "irr",
    "ccy": "CNY",
    "principal": "100000.00",
    "flows": [
      [
        1,
        11,
        "500.00"
      ],
      [
        12,
        1,
        "100500.00"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "6.00"
    }
  },
  {
    "id": "US-J-c1i",
    "kind": "irr",
    "ccy": "USD",
    "principal": "5000.00",
    "flows": [
      [
        1,
        24,
        "230.00"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "9.69"
    }
  },
  {
    "id": "US-J-c2i",
    "kind": "irr",
    "ccy": "USD",
    "principal": "5000.00",
    "flows": [
      [
        1,
        1,
        "250.00"
      ],
      [
        2,
        23,
        "230.00"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "10.08"
    }
  },
  {
    "id": "US-J-c3i",
    "kind": "irr",
    "ccy": "USD",
    "principal": "5000.00",
    "flows": [
      [
        1,
        23,
        "230.00"
      ],
      [
        24,
        1,
        "280.00"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "10.50"
    }
  },
  {
    "id": "US-J-c5i",
    "kind": "single",
    "ccy": "USD",
    "principal": "1000.00",
    "amount": "1080.00",
    "days": 255,
    "expect": {
      "nominalPct": "11.45"
    }
  },
  {
    "id": "US-FIN-01",
    "kind": "rates",
    "ccy": "USD",
    "principal": "100.00",
    "rateFactors": [
      "0.094822/12",
      "0.094822/12",
      "0.094822/12",
      "0.094822/12",
      "0.094822/12",
      "0.094822/12"
    ],
    "dp": 2,
    "round": "HALF_EVEN",
    "expect": {
      "emi": "17.13",
      "interest": [
        "0.79",
        "0.66",
        "0.53",
        "0.40",
        "0.27",
        "0.13"
      ],
      "lastPayment": "17.13"
    }
  },
  {
    "id": "EU-98-1",
    "kind": "years",
    "ccy": "EUR",
    "principal": "1000",
    "flows": [
      [
        "546/365",
        "1200"
      ]
    ],
    "expect": {
      "effectivePct": "12.96"
    }
  },
  {
    "id": "EU-98-2",
    "kind": "years",
    "ccy": "EUR",
    "principal": "950",
    "flows": [
      [
        "546/365",
        "1200"
      ]
    ],
    "expect": {
      "effectivePct": "16.90"
    }
  },
  {
    "id": "EU-98-3",
    "kind": "years",
    "ccy": "EUR",
    "principal": "1000",
    "flows": [
      [
        "1",
        "600"
      ],
      [
        "2",
        "600"
      ]
    ],
    "expect": {
      "effectivePct": "13.07"
    }
  },
  {
    "id": "UK-CFA-01",
    "kind": "irr",
    "ccy": "GBP",
    "principal": "10000.00",
    "flows": [
      [
        1,
        60,
        "222.44"
      ]
    ],
    "ppy": 12,
    "expect": {
      "effectivePct": "12.68"
    }
  },
  {
    "id": "UK-REP-months",
    "kind": "irr",
    "ccy": "GBP",
    "principal": "1000.00",
    "flows": [
      [
        1,
        12,
        "92.63"
      ]
    ],
    "ppy": 12,
    "expect": {
      "effectivePct": "21.93"
    }
  },
  {
    "id": "JP-PKT-fee",
    "kind": "jp_fee_per100",
    "ccy": "JPY",
    "annualRate": "0.15",
    "counts": [
      2,
      3,
      10,
      12,
      24,
      36
    ],
    "expect": {
      "feePer100": [
        "1.88",
        "2.51",
        "7.00",
        "8.31",
        "16.37",
        "24.80"
      ]
    }
  },
  {
    "id": "JP-PKT-10x",
    "kind": "irr",
    "ccy": "JPY",
    "principal": "100000",
    "flows": [
      [
        1,
        10,
        "10700"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "14.99"
    },
    "note": "fee table rounded to 7.00 per 100 yen, so the realised rate is just under the advertised 15.00%"
  },
  {
    "id": "JP-ADD-03",
    "kind": "irr",
    "ccy": "JPY",
    "principal": "100000",
    "flows": [
      [
        1,
        3,
        "34000"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "11.96"
    }
  },
  {
    "id": "JP-ADD-36",
    "kind": "irr",
    "ccy": "JPY",
    "principal": "100000",
    "flows": [
      [
        1,
        36,
        "127000/36"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "16.24"
    }
  },
  {
    "id": "JP-ADD-10-mismatch",
    "kind": "irr",
    "ccy": "JPY",
    "principal": "100000",
    "flows": [
      [
        1,
        10,
        "10750"
      ]
    ],
    "ppy": 12,
    "expect": {
      "nominalPct": "16.04"
    },
    "note": "issuer table prints 16.02"
  },
  {
    "id": "BUG-oca826",
    "kind": "annuity",
    "ccy": "EUR",
    "principal": "100000.00",
    "rate": "0.045",
    "n": 60,
    "dp": 2,
    "round": "HALF_UP",
    "expect": {
      "payment": "1864.30",
      "lastPayment": "1864.43"
    }
  }
];
