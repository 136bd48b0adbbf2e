/*
 * The reports tab's two charts, in plain inline SVG (no library: the console works offline).
 */

import { el, t } from './admin-state.js';
import { SVG_NS, addDays, count, dayShort, dayText, hourText, percent, rangeText } from './admin-reports.js';

// ---- charts: plain inline SVG (no library: the console works offline) --------------------------------

const CHART = { width: 540, height: 240, left: 40, right: 10, top: 18, bottom: 30 };

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An <svg role="img"> titled and described for screen readers, with its grid and y labels. */
function chartFrame(id, title, desc, ticks, label) {
  const { width, height, left, right, top, bottom } = CHART;
  const plotHeight = height - top - bottom;
  const top0 = ticks[ticks.length - 1] || 1;
  const y = (value) => top + plotHeight - (plotHeight * value) / top0;
  const root = svg('svg', { class: 'chart-svg', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
    'aria-labelledby': id + '-title ' + id + '-desc', preserveAspectRatio: 'xMidYMid meet' },
    svg('title', { id: id + '-title' }, title),
    svg('desc', { id: id + '-desc' }, desc));
  for (const tick of ticks) {
    root.append(svg('line', { class: tick === 0 ? 'chart-axis' : 'chart-grid', x1: left, x2: width - right, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'chart-label', x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', 'aria-hidden': 'true' }, label(tick)));
  }
  return { root, y, plotWidth: width - left - right };
}

/** 0, step, 2·step … up to a round top at or above max (at most about five lines). */
function ticksUpTo(max) {
  if (max <= 5) return Array.from({ length: Math.max(1, max) + 1 }, (_, i) => i);
  const rough = max / 4;
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
  const ticks = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/** Bars of arrivals per local hour, over the working hours (07–16) widened to any hour with arrivals. */
export function hourlyChart(stats) {
  const hours = (stats.perHour || []).map((h) => ({ hour: Number(h.hour), value: Number(h.tickets) || 0 }));
  const busy = hours.filter((h) => h.value > 0);
  if (!busy.length) return el('p', { class: 'empty', text: t('console.reports.hourly.none') });
  const first = Math.min(7, busy[0].hour);
  const last = Math.max(16, busy[busy.length - 1].hour);
  const shown = hours.filter((h) => h.hour >= first && h.hour <= last);
  const peak = busy.reduce((a, b) => (b.value > a.value ? b : a));
  const total = busy.reduce((sum, h) => sum + h.value, 0);
  const ticks = ticksUpTo(peak.value);
  const frame = chartFrame('reports-hourly-svg', t('console.reports.hourly.chart', rangeText(stats.from, stats.to)),
    t('console.reports.hourly.desc', t('console.reports.hours', hourText(peak.hour), hourText(peak.hour + 1)),
      count(peak.value), count(total)), ticks, count);
  const band = frame.plotWidth / shown.length;
  const baseline = frame.y(0);
  shown.forEach((h, i) => {
    const x = CHART.left + i * band;
    const top = frame.y(h.value);
    const label = t('console.reports.hourly.bar', t('console.reports.hours', hourText(h.hour), hourText(h.hour + 1)),
      count(h.value));
    frame.root.append(svg('rect', { class: 'chart-bar', x: (x + band * 0.15).toFixed(1), y: top.toFixed(1),
      width: (band * 0.7).toFixed(1), height: Math.max(0, baseline - top).toFixed(1),
      'data-hour': h.hour, 'data-value': h.value }, svg('title', {}, label)));
    if (h.value > 0) {
      frame.root.append(svg('text', { class: 'chart-value', x: (x + band / 2).toFixed(1), y: (top - 4).toFixed(1),
        'text-anchor': 'middle', 'aria-hidden': 'true' }, count(h.value)));
    }
    frame.root.append(svg('text', { class: 'chart-label', x: (x + band / 2).toFixed(1), y: CHART.height - CHART.bottom + 16,
      'text-anchor': 'middle', 'aria-hidden': 'true' }, String(h.hour).padStart(2, '0')));
  });
  return frame.root;
}

/** The online share of each day of the range as a line with dots; a day without tickets is a gap. */
export function dailyChart(stats) {
  const byDate = new Map((stats.perDay || []).map((d) => [d.date, d]));
  const days = [];
  for (let day = stats.from; day <= stats.to && days.length < 400; day = addDays(day, 1)) days.push(day);
  const withTickets = days.filter((day) => byDate.has(day) && Number(byDate.get(day).tickets) > 0);
  const frame = chartFrame('reports-daily-svg', t('console.reports.daily.chart', rangeText(stats.from, stats.to)),
    t('console.reports.daily.desc', percent(stats.totals.onlineShare), count(withTickets.length), count(days.length)),
    [0, 25, 50, 75, 100], (v) => percent(v));
  const band = frame.plotWidth / days.length;
  const x = (i) => CHART.left + i * band + band / 2;
  const labelEvery = Math.ceil(days.length / 10);
  let line = '';
  let previous = -2;
  days.forEach((day, i) => {
    const d = byDate.get(day);
    if (i % labelEvery === 0) {
      frame.root.append(svg('text', { class: 'chart-label', x: x(i).toFixed(1), y: CHART.height - CHART.bottom + 16,
        'text-anchor': 'middle', 'aria-hidden': 'true' }, dayShort(day)));
    }
    if (!d || !(Number(d.tickets) > 0)) return;
    const y = frame.y(Number(d.onlineShare) || 0);
    line += (previous === i - 1 ? ' L ' : ' M ') + x(i).toFixed(1) + ' ' + y.toFixed(1);
    previous = i;
  });
  frame.root.append(svg('path', { class: 'chart-line', d: line.trim() }));
  days.forEach((day, i) => {
    const d = byDate.get(day);
    if (!d || !(Number(d.tickets) > 0)) return;
    const value = Number(d.onlineShare) || 0;
    const y = frame.y(value);
    frame.root.append(svg('circle', { class: 'chart-dot', cx: x(i).toFixed(1), cy: y.toFixed(1), r: 4.5,
      'data-date': day, 'data-value': value },
      svg('title', {}, t('console.reports.daily.point', dayText(day), percent(value), count(d.online), count(d.tickets)))));
    if (withTickets.length <= 14) {
      frame.root.append(svg('text', { class: 'chart-value', x: x(i).toFixed(1), y: (y - 9).toFixed(1),
        'text-anchor': 'middle', 'aria-hidden': 'true' }, percent(value)));
    }
  });
  return frame.root;
}
