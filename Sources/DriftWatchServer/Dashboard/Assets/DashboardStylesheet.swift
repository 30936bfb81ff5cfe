extension DashboardAsset {
    /// The whole look: a grid of cards that collapses to one column on phones, text colours of
    /// at least 4.5:1 against their backgrounds, and a visible outline on keyboard focus.
    static let stylesheetText = #"""
        :root {
          --ink: #1b1f24;
          --muted: #545c66;
          --line: #d8dce2;
          --bg: #f4f5f7;
          --accent: #0b5cad;
          --header: #16325c;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html {
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          line-height: 1.5; color: var(--ink); background: var(--bg);
          -webkit-text-size-adjust: 100%;
        }
        body { margin: 0; }
        a { color: var(--accent); }
        a:hover { text-decoration-thickness: 2px; }
        :focus-visible { outline: 3px solid #1a66c9; outline-offset: 2px; border-radius: 2px; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }

        .skip-link {
          position: absolute; left: 1rem; top: -4rem; z-index: 10; padding: .5rem 1rem;
          background: #fff; color: var(--accent); border-radius: 6px; font-weight: 600;
        }
        .skip-link:focus { top: .5rem; }
        .visually-hidden {
          position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
          clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
        }

        .site-header { background: var(--header); color: #fff; }
        .site-header-inner {
          max-width: 1200px; margin: 0 auto; padding: .6rem 1rem;
          display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 2rem;
        }
        .site-header :focus-visible { outline-color: #fff; }
        .brand {
          color: #fff; font-weight: 700; font-size: 1.15rem; text-decoration: none;
          display: inline-flex; align-items: center; gap: .5rem;
        }
        .brand-mark {
          width: 1.4rem; height: 1.4rem; border-radius: 5px;
          background: url("/assets/favicon.svg") center / contain no-repeat;
          box-shadow: 0 0 0 1px rgba(255, 255, 255, .35);
        }
        .site-nav ul, .model-nav ul, .range ul, .inline-links, .plain-list {
          list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem;
        }
        .site-nav a { display: block; padding: .4rem .8rem; border-radius: 6px; color: #fff; text-decoration: none; }
        .site-nav a:hover { background: rgba(255, 255, 255, .12); }
        .site-nav a[aria-current="page"] { background: rgba(255, 255, 255, .18); font-weight: 600; box-shadow: inset 0 -2px 0 #fff; }

        main { display: block; max-width: 1200px; margin: 0 auto; padding: 1.25rem 1rem 1.5rem; }
        main:focus { outline: none; }
        .page-head {
          display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-end;
          gap: .75rem 1.5rem; margin-bottom: 1rem;
        }
        .page-title { min-width: 0; }
        .eyebrow { margin: 0; color: var(--muted); font-size: .78rem; text-transform: uppercase; letter-spacing: .06em; }
        h1 { margin: 0; font-size: 1.75rem; line-height: 1.2; overflow-wrap: anywhere; }
        .page-controls { display: flex; flex-direction: column; align-items: flex-end; gap: .4rem; }
        .range { display: flex; align-items: center; gap: .5rem; }
        .range-label { font-size: .875rem; color: var(--muted); }
        .range ul { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 2px; gap: 2px; }
        .range a { display: block; padding: .25rem .7rem; border-radius: 6px; color: var(--ink); text-decoration: none; font-size: .9rem; }
        .range a:hover { background: #e8eef7; }
        .range a[aria-current="true"] { background: var(--accent); color: #fff; font-weight: 600; }
        .updated { margin: 0; font-size: .8125rem; color: var(--muted); display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
        .button {
          font: inherit; font-size: .8125rem; padding: .3rem .75rem; border-radius: 6px; cursor: pointer;
          border: 1px solid var(--accent); background: var(--accent); color: #fff;
        }
        .button-quiet { background: #fff; color: var(--accent); }
        .button[hidden] { display: none; }

        .model-nav { border-bottom: 1px solid var(--line); margin-bottom: 1.25rem; overflow-x: auto; }
        .model-nav ul { flex-wrap: nowrap; gap: 0; }
        .model-nav a {
          display: block; padding: .55rem .9rem; color: var(--ink); text-decoration: none; white-space: nowrap;
          border-bottom: 3px solid transparent;
        }
        .model-nav a:hover { border-bottom-color: var(--line); }
        .model-nav a[aria-current="page"] { border-bottom-color: var(--accent); color: var(--accent); font-weight: 600; }
        .scope-note { background: #e8eef7; border-radius: 8px; padding: .5rem .9rem; margin: 0 0 1rem; }

        .grid { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 1rem; margin-bottom: 1rem; }
        .grid > .card { margin-bottom: 0; grid-column: span 2; }
        .grid > .card-wide { grid-column: 1 / -1; }
        .grid > .card-half { grid-column: span 3; }
        .grid > .card-wide-2 { grid-column: span 4; }
        .grid-4 { grid-template-columns: repeat(4, minmax(0, 1fr)); }
        .grid-4 > .card { grid-column: auto; }
        .grid-charts { grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); margin: 0; }
        .card {
          background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem;
          margin-bottom: 1rem; min-width: 0;
        }
        .card h2 { font-size: 1.05rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
        .subcard { border: 1px solid var(--line); border-radius: 8px; padding: .5rem .75rem; min-width: 0; }
        .subcard h3 { font-size: .95rem; margin: .25rem 0; overflow-wrap: anywhere; }
        .stat-value { font-size: 2rem; font-weight: 650; line-height: 1.15; margin: .25rem 0; font-variant-numeric: tabular-nums; }
        .stat-note, .note, .cell-note, .readout, caption { color: var(--muted); font-size: .8125rem; }
        .note { margin: .5rem 0 0; }
        .lead { margin: 0 0 .25rem; }
        .cell-note { display: block; font-weight: 400; }
        .health-line { margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .reason { color: var(--muted); font-size: .875rem; }
        .health-label { font-weight: 600; font-size: .875rem; }
        .quiet-state { color: var(--muted); margin: .25rem 0; }

        .chart { margin: 0; }
        .chart svg { display: block; max-width: 100%; height: auto; }
        .readout { min-height: 1.25rem; margin-top: .25rem; }
        .inline-form { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin-bottom: .5rem; }
        .inline-form label { font-size: .875rem; }
        select {
          font: inherit; font-size: .875rem; padding: .3rem .5rem; max-width: 100%;
          border: 1px solid #7d8691; border-radius: 6px; background: #fff; color: var(--ink);
        }

        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        caption { text-align: left; padding-bottom: .5rem; }
        th, td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); white-space: nowrap; }
        tbody th { font-weight: 600; overflow-wrap: break-word; }
        tbody tr:last-child > * { border-bottom: 0; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.spark { padding-top: .3rem; padding-bottom: .2rem; }
        tr.flagged > * { background: #fff7e0; }
        .inline-links { gap: .15rem .75rem; }

        .badge {
          display: inline-block; padding: .05rem .55rem; border-radius: 999px; font-size: .78rem; font-weight: 600;
          white-space: nowrap; border: 1px solid transparent;
        }
        .badge-ok { background: #e3f3e8; color: #17622f; border-color: #b6dcc2; }
        .badge-warning { background: #fff1cc; color: #6e4300; border-color: #edd08a; }
        .badge-critical { background: #fde4e4; color: #9c111a; border-color: #f2b3b6; }
        .badge-unknown { background: #eceef1; color: #3f4650; border-color: #d3d7dd; }

        .empty h2 { margin-top: 0; }
        .empty p { max-width: 70ch; }
        pre.command {
          margin: .5rem 0; padding: .7rem 1rem; border-radius: 8px; background: #102038; color: #eef2f7;
          font-size: .8125rem; white-space: pre-wrap; overflow-wrap: anywhere;
        }
        .notice { background: #fff7e0; border: 1px solid #edd08a; border-radius: 8px; padding: .75rem 1rem; margin: 0 0 1rem; }
        .notice p { margin: .25rem 0; }
        .site-footer { max-width: 1200px; margin: 0 auto; padding: 0 1rem 2rem; color: var(--muted); font-size: .8125rem; }
        .site-footer p { margin: 0; }

        @media (max-width: 900px) {
          .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          .grid > .card, .grid > .card-half, .grid > .card-wide-2 { grid-column: 1 / -1; }
          .grid > .stat { grid-column: span 1; }
        }
        @media (max-width: 600px) {
          main { padding: 1rem .75rem; }
          .grid, .grid-4 { grid-template-columns: minmax(0, 1fr); }
          .grid > .card, .grid > .stat, .grid-4 > .card { grid-column: 1 / -1; }
          .page-controls { align-items: flex-start; }
          .card { padding: .85rem 1rem; }
          h1 { font-size: 1.45rem; }
          .stat-value { font-size: 1.6rem; }
          /* Charts keep readable text and scroll sideways instead of shrinking to fit. */
          .chart { overflow-x: auto; }
          .chart svg.dw-chart:not(.dw-sparkline) { min-width: 540px; }
          caption { max-width: calc(100vw - 4.5rem); }
        }

        """#
}
