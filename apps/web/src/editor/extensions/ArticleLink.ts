import { Mark, mergeAttributes } from "@tiptap/core";

const SAFE_HREF = /^https?:\/\//i;

/**
 * A link in an article: an http(s) href, opened in a new tab without an opener. Tiptap's own
 * Link extension brings autolinking and a URL-detection library this read-mostly editor does not need.
 */
export const ArticleLink = Mark.create({
  name: "link",
  inclusive: false,
  addAttributes() {
    return { href: { default: null } };
  },
  parseHTML() {
    return [
      {
        tag: "a[href]",
        getAttrs: (element) => {
          const href = element.getAttribute("href") ?? "";
          return SAFE_HREF.test(href) ? { href } : false;
        },
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    const href =
      typeof HTMLAttributes.href === "string" && SAFE_HREF.test(HTMLAttributes.href) ? HTMLAttributes.href : null;
    return ["a", mergeAttributes({ target: "_blank", rel: "noopener noreferrer nofollow" }, { href }), 0];
  },
});
