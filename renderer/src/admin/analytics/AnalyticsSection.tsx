/**
 * Analytics: what played and how visitors used the kiosk over a date range, from the
 * proof-of-play log, with the records exported as CSV.
 */
import { useId, useMemo, useState } from 'react';
import type { CsvSeparator } from '#core/analytics-csv';
import { languageName } from '#core/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { slideLabel } from '../playlists/slide-label';
import type { SectionProps } from '../section';
import { toFailure } from '../ui/error-message';
import { downloadText, formatDuration, lastDays } from './analytics-format';
import { BarList, HourChart, type Bar } from './charts';
import './analytics.css';
import { Field } from '../ui/fields';
import { useLoad } from '../ui/useLoad';

/** The Analytics section. */
export function AnalyticsSection({ api, data }: SectionProps) {
  const titleId = useId();
  const [range, setRange] = useState(() => lastDays(7));
  const [exported, setExported] = useState('');
  const [separator, setSeparator] = useState<CsvSeparator>('comma');
  const { from, to } = range;
  const rangeError =
    !from || !to ? 'Choose both dates.' : from > to ? '"To" must not be before "From".' : '';

  const loaded = useLoad(rangeError ? undefined : () => api.invoke('analytics:get', { from, to }), [
    api,
    from,
    to,
    rangeError,
  ]);
  const { value: summary, error: failure, setError: setFailure } = loaded;

  const exportCsv = async () => {
    setExported('');
    try {
      const { csv } = await api.invoke('analytics:export', { from, to, separator });
      downloadText(csv, `plays-${from}-to-${to}.csv`);
      const rows = csv.trimEnd().split('\n').length - 1;
      setExported(`Exported ${rows} ${rows === 1 ? 'row' : 'rows'} (${from} to ${to}).`);
    } catch (error) {
      setFailure(toFailure(error));
    }
  };

  const content = data.state?.content;
  const slideBars = useMemo<Bar[]>(() => {
    if (!summary) return [];
    const playlists = content?.playlists ?? [];
    const defaultLang = data.state?.settings.defaultLanguage ?? 'en';
    return summary.playsPerSlide.map((row) => {
      const playlist = playlists.find((list) => list.id === row.playlistId);
      const slide = playlist?.slides.find((s) => s.id === row.slideId);
      const name = slide ? slideLabel(slide, defaultLang) : row.slideId;
      return {
        key: `${row.playlistId}/${row.slideId}`,
        label: playlists.length > 1 ? `${name} (${playlist?.name ?? row.playlistId})` : name,
        value: row.plays,
        display: row.visitor > 0 ? `${row.plays} (${row.visitor} by visitors)` : `${row.plays}`,
      };
    });
  }, [summary, content, data.state?.settings.defaultLanguage]);

  const languageBars: Bar[] = (summary?.languages ?? []).map((row) => ({
    key: row.lang,
    label: languageName(row.lang),
    value: row.sessions,
    display: String(row.sessions),
  }));
  const lengthBars: Bar[] = (summary?.days ?? [])
    .filter((day) => day.averageSessionMs !== null)
    .map((day) => ({
      key: day.date,
      label: day.date,
      value: day.averageSessionMs ?? 0,
      display: formatDuration(day.averageSessionMs),
    }));

  return (
    <section className="admin-section analytics" aria-labelledby={titleId}>
      <h2 id={titleId}>Analytics</h2>
      <p className="admin-note">
        Every slide shown and every visit, kept for {data.state?.settings.playLogRetentionDays}{' '}
        days. Nothing about visitors themselves is recorded.
      </p>
      <form
        className="admin-card analytics-range"
        aria-label="Date range"
        onSubmit={(event) => {
          event.preventDefault();
          void loaded.reload();
        }}
      >
        <Field id={`${titleId}-from`} label="From">
          <input
            id={`${titleId}-from`}
            type="date"
            value={from}
            max={to || undefined}
            onChange={(event) => setRange({ from: event.target.value, to })}
          />
        </Field>
        <Field id={`${titleId}-to`} label="To">
          <input
            id={`${titleId}-to`}
            type="date"
            value={to}
            min={from || undefined}
            onChange={(event) => setRange({ from, to: event.target.value })}
          />
        </Field>
        <Field id={`${titleId}-separator`} label="Separator in the CSV">
          <select
            id={`${titleId}-separator`}
            value={separator}
            onChange={(event) => setSeparator(event.target.value as CsvSeparator)}
          >
            <option value="comma">Comma</option>
            <option value="semicolon">Semicolon (Excel in French, Dutch or German)</option>
          </select>
        </Field>
        <div className="admin-actions">
          <button type="submit" className="admin-button" disabled={Boolean(rangeError)}>
            Refresh
          </button>
          <button
            type="button"
            className="admin-button admin-button--primary"
            disabled={Boolean(rangeError)}
            onClick={() => void exportCsv()}
          >
            Export CSV
          </button>
        </div>
        <p className="admin-status" role="status">
          {rangeError || exported}
        </p>
      </form>
      {failure && <ErrorAlert failure={failure} onDismiss={() => setFailure(undefined)} />}
      {summary && !rangeError && (
        <>
          <div className="admin-card">
            <h3>
              {summary.from === summary.to ? summary.from : `${summary.from} to ${summary.to}`}
            </h3>
            <dl className="admin-facts">
              <div>
                <dt>Slides shown</dt>
                <dd>{summary.plays}</dd>
              </div>
              <div>
                <dt>Visitor sessions</dt>
                <dd>{summary.sessions}</dd>
              </div>
              <div>
                <dt>Average session</dt>
                <dd>{formatDuration(summary.averageSessionMs)}</dd>
              </div>
              <div>
                <dt>Visitors who walked away</dt>
                <dd>{summary.endings['walk-away']}</dd>
              </div>
            </dl>
            {summary.skippedLines > 0 && (
              <p className="admin-note">
                {summary.skippedLines} unreadable lines in the log were left out (a power cut during
                a write, for example).
              </p>
            )}
          </div>
          <div className="analytics-charts">
            <BarList
              title="Plays per slide"
              labelHeader="Slide"
              valueHeader="Plays"
              bars={slideBars}
              empty="No slides were shown in this range."
            />
            <HourChart title="Sessions per hour of day" counts={summary.sessionsByHour} />
            <BarList
              title="Languages chosen"
              labelHeader="Language"
              valueHeader="Sessions"
              bars={languageBars}
              empty="No visitor sessions in this range."
            />
            <BarList
              title="Average session length"
              labelHeader="Day"
              valueHeader="Average"
              bars={lengthBars}
              empty="No visitor sessions in this range."
            />
          </div>
        </>
      )}
    </section>
  );
}
