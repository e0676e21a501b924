import Blockquote from "@tiptap/extension-blockquote";
import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import HardBreak from "@tiptap/extension-hard-break";
import Heading from "@tiptap/extension-heading";
import Italic from "@tiptap/extension-italic";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { ArticleLink } from "./ArticleLink";

/**
 * The article's schema: what every imported article is reduced to, and all the editor knows —
 * headings, paragraphs, lists, quotes, hard breaks, bold, italic and links.
 */
export const articleSchemaExtensions = [
  Document,
  Paragraph,
  Text,
  Heading.configure({ levels: [1, 2, 3, 4] }),
  Bold,
  Italic,
  BulletList,
  OrderedList,
  ListItem,
  Blockquote,
  HardBreak,
  ArticleLink,
];
