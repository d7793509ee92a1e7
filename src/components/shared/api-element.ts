import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiRequestError, PartyApiClient } from '../../client/index.js';
import { API_STRINGS } from './api-element.strings.js';
import { ApiFailedEvent } from './api-events.js';
import { PartyElement } from './party-element.js';

/**
 * The base of the upper level's console elements: the REST API's address and
 * an admin token as attributes, a client made from them, and a request's
 * loading and failure shown in the element's language (network down, 401
 * expired token, 403 not your unit), with a retry.
 */
export class ApiElement extends PartyElement {
  /** The server's address (`https://hop.example.vn`); empty: the page's own origin. */
  @property() api = '';
  /** The admin token for the upper-level user (or the cell's secretary), sent as a bearer token. */
  @property() token = '';

  /** The last failed request; shown by `renderFailure`. */
  @state() protected failure?: ApiRequestError;
  /** Whether the main request is under way. */
  @state() protected loading = false;

  private cached?: { api: string; token: string; client: PartyApiClient };
  private controller?: AbortController;

  /** A client for the current `api` and `token`. */
  protected get client(): PartyApiClient {
    if (this.cached?.api !== this.api || this.cached.token !== this.token) {
      this.cached = { api: this.api, token: this.token, client: new PartyApiClient({ baseUrl: this.api, token: this.token }) };
    }
    return this.cached.client;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.controller = undefined;
  }

  /**
   * Runs the element's main request (a load): `loading` while it runs, the
   * previous one aborted, its failure kept in `failure` and announced with
   * `party-api-error`. Resolves undefined on failure or when superseded.
   */
  protected async load<T>(run: (client: PartyApiClient, signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.loading = true;
    this.failure = undefined;
    try {
      return await run(this.client, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      this.fail(error);
      return undefined;
    } finally {
      if (this.controller === controller) this.loading = false;
    }
  }

  /** Runs an action's request (a POST): its failure is returned, not kept, so the form shows it beside its fields. */
  protected async act<T>(run: (client: PartyApiClient) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ApiRequestError }> {
    try {
      return { ok: true, value: await run(this.client) };
    } catch (error) {
      const failure = toApiError(error);
      this.dispatchEvent(new ApiFailedEvent({ status: failure.status, code: failure.code, message: failure.message }));
      return { ok: false, error: failure };
    }
  }

  /** Keeps a failure for `renderFailure` and announces it. */
  protected fail(error: unknown): void {
    const failure = toApiError(error);
    this.failure = failure;
    this.dispatchEvent(new ApiFailedEvent({ status: failure.status, code: failure.code, message: failure.message }));
  }

  /** The reload the retry button runs; elements override it. */
  protected reload(): void {}

  /** "Đang tải…" in a status region while loading. */
  protected renderLoading() {
    return this.loading ? html`<p class="loading" role="status" data-loading>${this.local(API_STRINGS, 'loading')}</p>` : nothing;
  }

  /** The failure, in words, with a retry; a note to sign in again on 401. */
  protected renderFailure() {
    const failure = this.failure;
    if (!failure) return nothing;
    return html`<div class="failure" part="failure" data-failure=${failure.code}>
      <p role="alert">${failure.text(this.language)}</p>
      ${failure.needsSignIn ? html`<p class="hint">${this.local(API_STRINGS, 'sign-in')}</p>` : nothing}
      <button type="button" data-action="retry" @click=${() => this.reload()}>${this.local(API_STRINGS, 'retry')}</button>
    </div>`;
  }
}

/** Any error as an `ApiRequestError` (a bug in the element becomes a generic one, never an uncaught rejection). */
export function toApiError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError(0, 'bad-response', String(error));
}
