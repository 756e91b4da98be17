/**
 * The Analytics charts: bar lists drawn as tables (so screen readers read the numbers as they
 * are), and a chart of the 24 hours of the day in SVG with the same numbers in a hidden table.
 */
import { useId } from 'react';

/** One bar: what it is, its size, and how its value reads. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  display: string;
}

/** A titled list of horizontal bars; `empty` shows instead when there are none. */
export function BarList({
  title,
  labelHeader,
  valueHeader,
  bars,
  empty,
}: {
  title: string;
  labelHeader: string;
  valueHeader: string;
  bars: Bar[];
  empty: string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <div className="admin-card analytics-chart">
      {bars.length === 0 ? (
        <>
          <h3>{title}</h3>
          <p className="admin-note">{empty}</p>
        </>
      ) : (
        <table className="analytics-bars">
          <caption>
            <h3>{title}</h3>
          </caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row">{bar.label}</th>
                <td>
                  <span className="analytics-bars__track" aria-hidden="true">
                    <span
                      className="analytics-bars__bar"
                      style={{ inlineSize: `${(bar.value / max) * 100}%` }}
                    />
                  </span>
                  <span className="analytics-bars__value">{bar.display}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const WIDTH = 480;
const HEIGHT = 180;
const PLOT = 140;
const COLUMN = WIDTH / 24;

/** Sessions that started in each hour of the day, as 24 columns. */
export function HourChart({ title, counts }: { title: string; counts: number[] }) {
  const titleId = useId();
  const max = Math.max(1, ...counts);
  const total = counts.reduce((sum, n) => sum + n, 0);
  return (
    <figure className="admin-card analytics-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <h3>{title}</h3>
      </figcaption>
      {total === 0 && <p className="admin-note">No visitor sessions in this range.</p>}
      <svg
        className="analytics-hours"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false"
      >
        <line x1="0" x2={WIDTH} y1={PLOT} y2={PLOT} className="analytics-hours__axis" />
        {counts.map((count, hour) => {
          const height = (count / max) * (PLOT - 16);
          return (
            <g key={hour}>
              <rect
                className="analytics-hours__bar"
                x={hour * COLUMN + 3}
                y={PLOT - height}
                width={COLUMN - 6}
                height={height}
              />
              {count > 0 && (
                <text x={hour * COLUMN + COLUMN / 2} y={PLOT - height - 4} textAnchor="middle">
                  {count}
                </text>
              )}
              {hour % 3 === 0 && (
                <text x={hour * COLUMN + COLUMN / 2} y={PLOT + 24} textAnchor="middle">
                  {String(hour).padStart(2, '0')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col">Sessions</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((count, hour) => (
            <tr key={hour}>
              <th scope="row">{`${String(hour).padStart(2, '0')}:00–${String(hour).padStart(2, '0')}:59`}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
