import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { localize, toLang, translate, type Lang, type MessageKey, type Strings } from './i18n.js';

/**
 * The base of every element: a reactive `lang` (Vietnamese unless the element
 * or an ancestor, across shadow roots, says otherwise) and a guarded `define`.
 */
export class PartyElement extends LitElement {
  /**
   * The language of the element's text: `vi` (default) or `en`. Reflected only
   * when set, since an empty `lang` attribute would hide the page's language
   * from screen readers.
   */
  @property({ reflect: true, converter: { fromAttribute: (value) => value ?? '', toAttribute: (value: string) => value || null } })
  override lang = '';

  /** Registers the element under `tag`, unless this class is already registered there. */
  static define(tag: string): void {
    const existing = customElements.get(tag);
    if (existing === this) return;
    if (existing) throw new Error(`<${tag}> is already defined by another class.`);
    customElements.define(tag, this);
  }

  /** The effective language: this element's `lang`, else the nearest ancestor's, else Vietnamese. */
  protected get language(): Lang {
    if (this.lang) return toLang(this.lang);
    let node: Node | null = this.parentNode;
    while (node) {
      if (node instanceof HTMLElement && node.lang) return toLang(node.lang);
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    return 'vi';
  }

  /** Translates a message into the effective language. */
  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  /** Translates one of the element's own strings (see `Strings`) into the effective language. */
  protected local<K extends string>(strings: Strings<K>, key: K, params?: Record<string, string | number>): string {
    return localize(strings, this.language, key, params);
  }
}
