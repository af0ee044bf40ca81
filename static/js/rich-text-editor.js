// The editors' rich-text field: django-prose-editor's ProseMirror/Tiptap editor (its own static files, no CDN),
// started without the package's import map and without Tiptap's injected <style>, both of which the strict
// CSP forbids. Only what wortal/richtext.py keeps can be written: h2–h4, paragraphs, lists, links, bold,
// italic, quotes and line breaks; links carry no target or rel (the sanitiser adds rel="noopener").
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
  initializeEditors,
} from "../django_prose_editor/editor.js";

const EXTENSIONS = [
  Document,
  Dropcursor,
  Gapcursor,
  Paragraph,
  HardBreak,
  Text,
  History,
  Menu,
  Heading.configure({ levels: [2, 3, 4] }),
  Bold,
  Italic,
  Link.configure({ openOnClick: false, HTMLAttributes: { target: null, rel: null, class: null } }),
  BulletList,
  OrderedList,
  ListItem,
  Blockquote,
];

// The editable area is named by the field's label, as the hidden textarea was.
function labelOf(textarea) {
  const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
  return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const name = labelOf(textarea);
  const wrapper = document.createElement("div");
  wrapper.className = "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  return new Editor({
    element: wrapper,
    editable: !textarea.disabled,
    extensions: EXTENSIONS,
    content: textarea.value,
    injectCSS: false,
    editorProps: {
      attributes: { role: "textbox", "aria-multiline": "true", ...(name ? { "aria-label": name } : {}) },
    },
    onUpdate({ editor }) {
      const html = editor.getHTML();
      // An empty editor holds "<p></p>": store nothing instead.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
}

initializeEditors(createEditor, "textarea[data-rich-text]");
