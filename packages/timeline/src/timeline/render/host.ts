/**
 * The element's whole template: the header, the problems notice, the plot (axis, body, canvas,
 * status, progress, tooltip, wheel hint), the legend, the overview, the table or sources view, the
 * details, the live region and the keyboard map. A function of a context the element assembles
 * each update from its parts; every visual part is drawn by its own module.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { GestureController } from '../../controllers/gesture-controller.js';
import type { Messages } from '../../i18n/messages.js';
import type { Announcer } from '../announcer.js';
import type { DataController } from '../data-controller.js';
import type { Explore } from '../explore.js';
import { formatRange, markersOf } from '../format.js';
import type { FrameController } from '../frame-controller.js';
import { AXIS_HEIGHT } from '../geometry.js';
import type { Interaction } from '../interaction.js';
import type { LazyPart } from '../lazy.js';
import type { LazyParts } from '../lazy-parts.js';
import type { ReelTimeline } from '../timeline.js';
import { renderAxis, renderGrid } from './axis.js';
import type { RenderContext } from './context.js';
import type * as DetailsModule from './details.js';
import { encodingsIn, type Encoding } from './encoding.js';
import { renderHeader } from './header.js';
import { headingLevelOf } from './heading.js';
import { renderFocusRing, renderLanes, renderStrips } from './lanes.js';
import { renderMarkers } from './marker.js';

/**
 * The template; also tells the live region what the view shows (it speaks once the view settles).
 *
 * The arguments are positional, not one options object: an object's property names cannot be
 * minified, and its 17 names cost the entry bundle 0.12 KB min+gz (measured when this was split out).
 *
 * @param host The element: its public properties (`view`, `heading-level`, `label`) and methods.
 * @param ctx What the renderers read; undefined until there is a frame.
 * @param msg The words in force.
 * @param rtl Time flows right to left.
 * @param childrenOnly The data can only come from `<reel-event>` children.
 * @param childrenPending Those children are not read yet (a server render and its hydration).
 * @param noticeDismissed The problems notice was closed.
 * @param dismissNotice Closes the problems notice.
 * @param overview The overview strip (`overview`), or nothing.
 * @param data The data controller (model, loading, progress).
 * @param frames The frame controller (whether an answer is pending).
 * @param gestures The gestures (whether the wheel hint shows).
 * @param interaction The plot's listeners.
 * @param parts The parts loaded on first use (notice, legend).
 * @param explore The table and sources views, the details' and the keyboard map's wiring.
 * @param details The details' chunk.
 * @param announcer The live region.
 */
export function renderHost(
  host: ReelTimeline,
  ctx: RenderContext | undefined,
  msg: Messages,
  rtl: boolean,
  childrenOnly: boolean,
  childrenPending: boolean,
  noticeDismissed: boolean,
  dismissNotice: () => void,
  overview: TemplateResult | typeof nothing,
  data: DataController,
  frames: FrameController,
  gestures: GestureController,
  interaction: Interaction,
  parts: LazyParts,
  explore: Explore,
  details: LazyPart<typeof DetailsModule>,
  announcer: Announcer,
): TemplateResult {
  const { dataset, source } = data.model;
  const title = dataset.title ?? '';
  const name = host.label || title || msg.text('timeline');
  const frame = ctx?.frame;
  const rangeText = frame && frame.width > 0 && !childrenPending ? formatRange(host.visibleRange, ctx.dateOptions) : '';
  const events = msg.count('events', source.size);
  // The chart's name and the live region say what is in view, not what the data holds.
  const shown = frame && rangeText ? msg.count('events', frame.answer.total) : events;
  if (rangeText) announcer.want(msg.text('rangeStatus', { range: rangeText, events: shown }));
  const percent = data.loading ? data.progress : -1;
  return html`
    <div class="base" part="base" dir=${rtl ? 'rtl' : 'ltr'}>
      ${renderHeader(
        host,
        msg,
        title,
        rangeText,
        host.export === null ? nothing : parts.exportMenu.get()?.renderExportMenu(host, host.export, msg),
      )}
      ${
        data.model.problems.length && !noticeDismissed
          ? parts.notice.get()?.renderNotice(data.model.problems, false, dismissNotice, msg)
          : nothing
      }
      <div class="children" ?hidden=${!childrenOnly || source.size > 0}><slot></slot></div>
      <div class="plot" part="plot" ?hidden=${host.view !== 'chart' || childrenPending}>
        <div class="axis" part="axis" aria-hidden="true">
          <svg height=${AXIS_HEIGHT}>${ctx ? renderAxis(ctx) : nothing}</svg>
        </div>
        <div class="body" style=${`height:${frame?.height ?? 0}px`}>
          <svg
            tabindex="-1"
            role="group"
            aria-label=${msg.text(rangeText ? 'chartName' : 'chartNameNoRange', { name, events: shown, range: rangeText })}
            aria-roledescription=${msg.text('roleTimeline')}
            aria-busy=${frames.pending ? 'true' : 'false'}
            height=${frame?.height ?? 0}
            @keydown=${interaction.keydown}
            @click=${interaction.click}
            @focusin=${interaction.focusIn}
            @focusout=${interaction.focusOut}
            @pointerover=${interaction.pointerOver}
            @pointerleave=${interaction.pointerLeave}
          >
            ${ctx ? [dataset.eras.length ? parts.eras.get()?.renderEras(ctx) : nothing, renderGrid(ctx), renderLanes(ctx), renderMarkers(ctx, markersOf(dataset, host.marker, host.markerLabel, msg, ctx.dateOptions)), renderFocusRing(ctx)] : nothing}
          </svg>
          ${frame ? renderStrips(frame) : nothing}
        </div>
        ${
          data.loading
            ? html`<div class="empty" role="status">${msg.text('loading')}</div>`
            : source.size === 0
              ? html`<div class="empty" role="status">${msg.text('noEvents')}</div>`
              : nothing
        }
        ${
          // While src loads: how much has arrived when its size is known (issue 14); a running bar otherwise.
          data.loading || frames.pending
            ? html`<div
                class="progress"
                part="progress"
                role="progressbar"
                aria-label=${msg.text(data.loading ? 'loading' : 'loadingView')}
                aria-valuenow=${percent < 0 ? nothing : percent}
                style=${percent < 0 ? '' : `animation:none;background:var(--_accent) 0/${percent}% 100% no-repeat`}
              ></div>`
            : nothing
        }
        ${(ctx && interaction.loaded?.renderTooltip(ctx, AXIS_HEIGHT)) ?? nothing}
        ${gestures.hint ? (interaction.contact(true)?.renderWheelHint(msg) ?? nothing) : nothing}
      </div>
      ${host.view === 'chart' ? renderLegend(parts, encodingsIn(dataset), msg) : nothing} ${overview}
      ${
        ctx && host.view === 'table' && parts.table.loaded && explore.table
          ? parts.table.loaded.renderTable(ctx, {
              table: explore.table,
              name,
              locale: ctx.dateOptions.locale,
              explore,
            })
          : nothing
      }
      ${
        ctx && host.view === 'sources'
          ? (parts.sources.loaded?.renderSourcesView(ctx, {
              level: headingLevelOf(host.headingLevel),
              explore,
            }) ?? nothing)
          : nothing
      }
      ${
        ctx && ctx.view.selectedId !== null
          ? (details.get()?.renderDetails(ctx, explore, headingLevelOf(host.headingLevel)) ?? nothing)
          : nothing
      }
      <div class="live" role="status" aria-live="polite">${announcer.content}</div>
      ${
        explore.keysOpen && parts.keys.loaded
          ? parts.keys.loaded.renderKeyboardMap(msg, headingLevelOf(host.headingLevel), explore)
          : nothing
      }
    </div>
  `;
}

/** The legend, from its chunk, loaded only when the data uses an encoding other than exact days. */
function renderLegend(parts: LazyParts, encodings: readonly Encoding[], msg: Messages) {
  return encodings.some((encoding) => encoding !== 'exact')
    ? (parts.legend.get()?.renderLegend(encodings, msg) ?? nothing)
    : nothing;
}
