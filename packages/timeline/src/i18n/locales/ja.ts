/** Japanese. */
import type { PartialMessages } from '../messages.js';

const ja: PartialMessages = {
  timeline: 'タイムライン',
  roleTimeline: 'タイムライン',
  events: { other: '{count} 件のイベント' },
  chartName: '{name}：{events}、表示範囲 {range}',
  chartNameNoRange: '{name}：{events}',
  zoomGroup: 'ズーム',
  zoomIn: '拡大',
  zoomOut: '縮小',
  showAll: 'すべてのイベントを表示',
  showAllShort: 'すべて',
  loading: '読み込み中…',
  noEvents: '表示するイベントはありません',
  loadingView: '表示範囲のイベントを読み込み中',
  today: '今日',
  laneFallback: 'イベント',
  denseRegion: '{events}、{range}：拡大すると表示されます',
  problems: { other: 'データに {count} 件の問題があります' },
  notShown: { other: '{count} 件は表示されていません。' },
  allShown: 'すべて表示されています。',
  moreProblems: '…ほか {count} 件（problems プロパティを参照）。',
  dismiss: '閉じる',
  details: '詳細：{title}',
  closeDetails: '詳細を閉じる',
  lane: 'レーン',
  where: '場所',
  people: '人物',
  tags: 'タグ',
  link: 'リンク',
  sources: '出典',
  eraName: '時代：{title}、{dates}',
  markerName: 'マーカー：{label}',
  status: {
    confirmed: '確定',
    approximate: 'おおよそ',
    uncertain: '不確か',
    planned: '予定',
    cancelled: '中止',
  },
  dates: {
    // `{date}` is a year ("2020") or a month ("2020年2月").
    parts: { early: '{date}初め', mid: '{date}半ば', late: '{date}終わり' },
    seasons: { spring: '{year}年春', summer: '{year}年夏', autumn: '{year}年秋', winter: '{year}年冬' },
    quarter: '{year}年第{q}四半期',
    quarterShort: '第{q}四半期',
    approximate: '{date}頃',
    uncertain: '{date}？',
  },
};

export default ja;
