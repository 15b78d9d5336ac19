// The clerk's form, built from the service's JSON Schema (GET /v1/schema) for any
// of the types `congvan new` knows (GET /v1/types): the fields a type shows first
// are those of its starter form (GET /v1/starter/{loai}), the fields it needs are
// what the service's own rules say an empty form of that type lacks
// (POST /v1/validate), the parts of other types are left out.
// No framework and no build step: every field is an "editor" object with
// el (its DOM), get(path) (its value; also stamps the field path on the DOM
// so the service's problems can be shown beside the right field) and set(value).
"use strict";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// Fields for programs, not for this page (the service takes no server file paths).
const PROGRAM_FIELDS = ["$schema", "loai", "ho_so", "danh_sach", "anh_chu_ky", "anh_dau"];
// Fields every type keeps under "Các trường khác" even when its starter names them.
const ALWAYS_LATER = ["co_chu"];
let HIDDEN_FIELDS = new Set(PROGRAM_FIELDS);
let TYPES = [];           // GET /v1/types
const STARTERS = {};      // loai → its starter form's data
const NEEDS = {};         // loai → the top-level fields its rules require
const LONG_TEXT = new Set(["trich_yeu", "noi_dung", "khoan", "gach", "can_cu", "kinh_gui"]);
const BLOCK_KINDS = [
  ["doan", "Đoạn văn"], ["Muc", "Mục (có tiêu đề: I., 1., a)"], ["Khoan", "Khoản (đánh số, không tiêu đề)"],
  ["Gach", "Các ý gạch đầu dòng"], ["DanhSachNhiemVu", "Danh sách nhiệm vụ"], ["SoTien", "Số tiền"],
  ["Phan", "Phần"], ["Chuong", "Chương"], ["Dieu", "Điều"],
];
const BLOCK_KEYS = { Muc: "muc", Khoan: "khoan", Gach: "gach", DanhSachNhiemVu: "nhiem_vu", SoTien: "so_tien",
  Phan: "phan", Chuong: "chuong", Dieu: "dieu" };

let DEFS = {};
let SCHEMA = null;
let OFFICE = false;
let loai = "cong-van";
let root = null;
let uid = 0;
let rev = 0;              // counts edits; a preview remembers the edit it shows
let previewRev = null;

const $ = (sel) => document.querySelector(sel);

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}

function vi(text) { return (text || "").split(" / ")[0].trim(); }

function resolve(s) {
  if (s && s.$ref) {
    const def = DEFS[s.$ref.split("/").pop()] || {};
    return { ...def, ...s, $ref: undefined, title: s.title || def.title, description: s.description || def.description,
             _def: s.$ref.split("/").pop() };
  }
  return s || {};
}

function isEmpty(v) {
  return v === undefined || v === "" || (Array.isArray(v) && v.length === 0) ||
    (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0);
}

// --- field wrapper ---------------------------------------------------------------

function field(key, s, required, control, id) {
  const label = s.title || key;
  const hint = vi(s.description);
  const wrap = h("div", { class: "field" },
    h(id ? "label" : "span", { for: id, class: (id ? "" : "nhan ") + (required ? "req" : "") }, label),
    hint && hint !== label ? h("div", { class: "hint" }, hint) : null,
    control,
    h("ul", { class: "problems" }));
  return wrap;
}

// --- editors ---------------------------------------------------------------------

function editorFor(key, schema, required, inArray) {
  const s = resolve(schema);
  // "x-ho-so": the short forms an agency profile allows (nguoi_ky: giam-doc); this page writes the full form.
  const members = (s.anyOf || s.oneOf || []).map(resolve).filter((m) => m.type !== "null" && !m["x-ho-so"]);
  if (members.length) {
    const carry = { title: s.title, description: s.description, default: s.default };
    const pick = members.find((m) => m.type === "array") || members.find((m) => m.type === "string" && !m.enum) ||
      (members.length === 1 ? members[0] : null) || members.find((m) => m.type === "object") || members[0];
    const merged = { ...pick, ...Object.fromEntries(Object.entries(carry).filter(([, v]) => v !== undefined)) };
    return editorFor(key, merged, required, inArray);
  }
  if (s.enum) return selectEditor(key, s, required);
  if (s.type === "object" || s.properties) return objectEditor(inArray ? null : key, s, required, inArray);
  if (s.type === "array") return arrayEditor(key, s, required);
  if (s.type === "boolean") return boolEditor(key, s);
  if (s.type === "integer" || s.type === "number") return numberEditor(key, s, required, inArray);
  return textEditor(key, s, required, inArray);
}

function stamp(ed, path) {
  ed.el.dataset.path = path;
  if (ed.input) ed.input.name = path;
}

function textEditor(key, s, required, inArray) {
  const id = `f${++uid}`;
  const long = LONG_TEXT.has(key) || (s.description || "").includes("\\n");
  const input = long ? h("textarea", { id, rows: key === "noi_dung" ? 4 : 2 })
    : h("input", { id, type: "text", placeholder: s.placeholder || (s.examples || [])[0] });
  const ed = {
    input, el: inArray ? h("div", { class: "field" }, input, h("ul", { class: "problems" }))
      : field(key, s, required, input, id),
    get(path) { stamp(ed, path); const v = input.value.trim(); return v ? input.value : (inArray ? "" : undefined); },
    set(v) { input.value = v === undefined || v === null ? "" : String(v); },
  };
  return ed;
}

function numberEditor(key, s, required, inArray) {
  const id = `f${++uid}`;
  const input = h("input", { id, type: "text", inputmode: "numeric" });
  const ed = {
    input, el: field(key, s, required, input, id),
    get(path) {
      stamp(ed, path);
      const v = input.value.trim();
      if (!v) return inArray ? null : undefined;
      return /^-?\d+$/.test(v) ? Number(v) : v;  // the service explains what is wrong with "abc"
    },
    set(v) { input.value = v === undefined || v === null ? "" : String(v); },
  };
  return ed;
}

function boolEditor(key, s) {
  const id = `f${++uid}`;
  const input = h("input", { id, type: "checkbox" });
  const el = h("div", { class: "field" }, input, " ", h("label", { for: id, class: "checkbox" }, s.title || key),
    h("ul", { class: "problems" }));
  const ed = { input, el, get(path) { stamp(ed, path); return input.checked ? true : undefined; },
    set(v) { input.checked = v === true; } };
  return ed;
}

function selectEditor(key, s, required) {
  const id = `f${++uid}`;
  // "—" until the clerk chooses, so a part left alone (bản sao, say) is not sent half-made.
  const hasDefault = s.default !== undefined && s.default !== null;
  const input = h("select", { id }, hasDefault ? null : h("option", { value: "" }, "—"),
    s.enum.map((v) => h("option", { value: v }, String(v))));
  if (hasDefault) input.value = s.default;
  const initial = input.value;
  const ed = { input, el: field(key, s, required, input, id),
    get(path) { stamp(ed, path); return input.value && input.value !== initial ? input.value : undefined; },
    set(v) { input.value = v === undefined || v === null ? initial : v; } };
  return ed;
}

function objectEditor(key, s, required, inArray, only, alsoRequired) {
  const props = s.properties || {};
  const need = new Set([...(s.required || []), ...((s.then && s.then.required) || []), ...(alsoRequired || [])]);
  const children = {};
  const box = h("fieldset", {}, key ? h("legend", { class: required ? "req" : "" }, s.title || key) : null,
    h("ul", { class: "problems" }));
  const names = Object.keys(props).filter((k) => !HIDDEN_FIELDS.has(k) && (!only || only.includes(k)));
  for (const name of names) {
    children[name] = editorFor(name, props[name], need.has(name), false);
    box.append(children[name].el);
  }
  const ed = {
    el: box, children,
    get(path) {
      ed.el.dataset.path = path;
      const out = {};
      for (const [name, child] of Object.entries(children)) {
        const v = child.get(path ? `${path}.${name}` : name);
        if (!isEmpty(v)) out[name] = v;
      }
      return isEmpty(out) ? (inArray ? {} : undefined) : out;
    },
    set(v) { for (const [name, child] of Object.entries(children)) child.set((v || {})[name]); },
  };
  return ed;
}

function arrayEditor(key, s, required) {
  const itemSchema = s.items || {};
  const list = h("div", { class: "items" });
  const items = [];
  const blocks = isBlockUnion(itemSchema);
  const add = (value) => {
    const child = blocks ? blockEditor() : editorFor(key, itemSchema, true, true);
    const row = h("div", { class: "item" }, h("div", { class: "noi" }, child.el),
      h("button", { type: "button", class: "xoa", title: "Xóa dòng này", "aria-label": "Xóa",
        onclick: () => { items.splice(items.indexOf(child), 1); row.remove(); changed(); } }, "✕"));
    items.push(child);
    list.append(row);
    if (value !== undefined) child.set(value);
    return child;
  };
  const addLabel = blocks ? "+ Thêm khối nội dung" : `+ Thêm ${(s.title || key).toLowerCase()}`;
  const button = h("button", { type: "button", class: "them", "data-add": key,
    onclick: () => { add(); changed(); } }, addLabel);
  const box = h("fieldset", {}, h("legend", { class: required ? "req" : "" }, s.title || key),
    vi(s.description) !== s.title ? h("div", { class: "hint" }, vi(s.description)) : null,
    h("ul", { class: "problems" }), list, button);
  const ed = {
    el: box, add,
    get(path) {
      ed.el.dataset.path = path;
      const values = items.map((child, i) => child.get(`${path}[${i}]`));
      return values.length ? values : undefined;
    },
    set(v) {
      items.length = 0;
      list.replaceChildren();
      const arr = v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]);
      arr.forEach((x) => add(x));
    },
  };
  return ed;
}

function isBlockUnion(s) {
  const members = s.oneOf || s.anyOf || [];
  return members.some((m) => m.$ref && m.$ref.endsWith("/Muc"));
}

function blockKind(v) {
  if (typeof v === "string") return "doan";
  for (const [def, k] of Object.entries(BLOCK_KEYS)) if (v && typeof v === "object" && k in v) return def;
  return "doan";
}

function blockEditor() {
  const select = h("select", { class: "block-kind", "aria-label": "Loại khối" },
    BLOCK_KINDS.map(([v, label]) => h("option", { value: v }, label)));
  const holder = h("div");
  const el = h("div", { class: "block" }, select, holder, h("ul", { class: "problems" }));
  let inner = null;
  const build = (kind) => {
    inner = kind === "doan" ? textEditor("noi_dung", { title: "Đoạn văn" }, true, true)
      : objectEditor(null, DEFS[kind], true, true);
    holder.replaceChildren(inner.el);
  };
  select.addEventListener("change", () => { build(select.value); changed(); });
  build("doan");
  return {
    el,
    get(path) {
      el.dataset.path = path;
      const v = inner.get(path);
      const key = BLOCK_KEYS[select.value];
      // The key names the kind of block (an article without a title is still "dieu: null").
      return key && v && typeof v === "object" && !(key in v) ? { [key]: null, ...v } : v;
    },
    set(v) { select.value = blockKind(v); build(select.value); inner.set(v); },
  };
}

// --- the form --------------------------------------------------------------------

function buildForm(values) {
  const form = $("#bieu-mau");
  const props = SCHEMA.properties;
  const main = Object.keys(STARTERS[loai] || {}).filter((k) => k in props && !ALWAYS_LATER.includes(k));
  for (const k of NEEDS[loai] || []) if (!main.includes(k)) main.push(k);
  const rest = Object.keys(props).filter((k) => !HIDDEN_FIELDS.has(k) && !main.includes(k));
  const first = objectEditor(null, SCHEMA, false, false, main, NEEDS[loai]);
  const more = objectEditor(null, SCHEMA, false, false, rest);
  const details = h("details", { class: "them" }, h("summary", {}, "Các trường khác (độ khẩn, phụ lục, cỡ chữ …)"), more.el);
  form.replaceChildren(first.el, details);
  root = {
    get() {
      const data = { loai, ...(first.get("") || {}), ...(more.get("") || {}) };
      return data;
    },
    set(v) { first.set(v); more.set(v); },
    first,
  };
  if (values) root.set(values);
  else for (const k of NEEDS[loai] || []) if (first.children[k] && first.children[k].add) first.children[k].add();
  root.get();  // stamps names on the inputs
  document.body.dataset.loai = loai;
}

// --- talking to the service ------------------------------------------------------

let timer = null;
let seq = 0;

function changed() {
  rev += 1;
  markStale();
  clearTimeout(timer);
  timer = setTimeout(validate, 400);
  try { localStorage.setItem(`congvan:${loai}`, JSON.stringify(root.get())); } catch (e) { /* private mode */ }
}

function clearProblems() {
  document.querySelectorAll("#bieu-mau .problems, #loi-chung").forEach((ul) => ul.replaceChildren());
  document.querySelectorAll("[aria-invalid=true]").forEach((el) => el.removeAttribute("aria-invalid"));
}

function problemItem(p) {
  const where = p.line ? ` (dòng ${p.line}, cột ${p.column})` : "";
  return h("li", { class: "problem", "data-problem-path": p.path }, p.vi + where, h("small", {}, p.en));
}

function targetFor(path) {
  while (path) {
    const found = document.querySelector(`#bieu-mau [data-path="${CSS.escape(path)}"]`);
    if (found) return found;
    const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
    path = cut > 0 ? path.slice(0, cut) : "";
  }
  return null;
}

function showProblems(problems) {
  clearProblems();
  for (const p of problems) {
    const target = targetFor(p.path || "");
    const list = (target && target.querySelector(":scope > .problems")) || $("#loi-chung");
    list.append(problemItem(p));
    const input = target && target.querySelector("input, textarea, select");
    if (input) input.setAttribute("aria-invalid", "true");
  }
}

function status(text, kind) {
  const el = $("#tinh-trang");
  el.textContent = text;
  el.className = kind || "";
}

async function validate() {
  const mine = ++seq;
  const data = root.get();
  const r = await fetch("/v1/validate", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(data) });
  if (mine !== seq) return null;  // a newer edit is being checked
  const result = await r.json();
  if (!r.ok) { showProblems(result.problems || []); status(result.detail, "loi"); return false; }
  showProblems(result.problems);
  status(result.ok ? "✓ Biểu mẫu hợp lệ" : `Còn ${result.problems.length} lỗi cần sửa`, result.ok ? "ok" : "loi");
  return result.ok;
}

async function render(accept) {
  const r = await fetch("/v1/render", { method: "POST", headers: { "Content-Type": "application/json", Accept: accept },
    body: JSON.stringify(root.get()) });
  if (!r.ok) {
    const problem = await r.json().catch(() => ({ detail: `Lỗi ${r.status}` }));
    if (problem.problems && problem.problems.length) showProblems(problem.problems);
    status(problem.detail || `Lỗi ${r.status}`, "loi");
    const error = new Error(problem.detail);
    error.problem = problem;
    throw error;
  }
  return r;
}

function fileName(r, fallback) {
  const cd = r.headers.get("Content-Disposition") || "";
  const star = cd.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  const plain = cd.match(/filename="([^"]+)"/i);
  return plain ? plain[1] : fallback;
}

async function download(accept, ext) {
  status("Đang tạo tệp…");
  try {
    const r = await render(accept);
    const blob = await r.blob();
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: fileName(r, `van-ban.${ext}`) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    status(`✓ Đã tải ${a.download}`, "ok");
  } catch (e) {
    // Appendices kept in files of their own (Mẫu 2.2) come together in one ZIP.
    if (e.problem && String(e.problem.type).endsWith("/separate-appendices") && ext === "docx") {
      clearProblems();
      await download("application/zip", "zip");
    }
  }
}

// --- the preview: cleared when the type changes, marked out of date after an edit ----

function markStale() {
  const stale = previewRev !== null && previewRev !== rev;
  $("#xem-truoc-cu").hidden = !stale;
  $("#xem-truoc-khung").classList.toggle("cu", stale);
  $("#xem-truoc-khung").dataset.stale = stale ? "1" : "0";
}

function clearPreview() {
  previewRev = null;
  $("#xem-truoc-khung").replaceChildren();
  markStale();
}

function shown(at) {  // the preview of edit `at` is on screen
  previewRev = at;
  markStale();
}

async function preview() {
  const frame = $("#xem-truoc-khung");
  const at = rev;
  status("Đang dựng trang 1…");
  try {
    if (OFFICE) {
      try {
        const r = await render("image/png");
        const img = h("img", { alt: "Trang 1 của văn bản", src: URL.createObjectURL(await r.blob()) });
        frame.replaceChildren(img);
        shown(at);
        status("✓ Trang 1 (ảnh từ bản PDF)", "ok");
        return;
      } catch (e) {
        if (!e.problem || !String(e.problem.type).endsWith("/office-missing")) throw e;
      }
    }
    const r = await render("text/html");
    const iframe = h("iframe", { sandbox: "", title: "Xem trước văn bản" });
    frame.replaceChildren(iframe);
    // An A4 page is ~794 CSS px wide: shrink it to the column, the way a PDF viewer fits the width.
    const zoom = Math.min(1, (iframe.clientWidth - 24) / 794).toFixed(3);
    iframe.srcdoc = (await r.text()).replace("</head>", `<style>html{zoom:${zoom}}</style></head>`);
    shown(at);
    status("✓ Bản xem trước dạng chữ (máy chủ không dựng được ảnh trang)", "ok");
  } catch (e) { /* shown */ }
}

// Fuller examples than the starter forms, kept as files in static/vi-du/.
const VI_DU = new Set(["cong-van", "ke-hoach"]);

async function sample() {
  const r = VI_DU.has(loai) ? await fetch(`/static/vi-du/${loai}.json`) : null;
  buildForm(r && r.ok ? await r.json() : STARTERS[loai]);
  changed();
}

// What a type shows and needs, asked of the service once per type.
async function learn(type) {
  if (STARTERS[type]) return;
  const [starter, check] = await Promise.all([
    fetch(`/v1/starter/${encodeURIComponent(type)}`).then((r) => r.json()),
    fetch("/v1/validate", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ loai: type }) }).then((r) => r.json()),
  ]);
  STARTERS[type] = starter;
  NEEDS[type] = [...new Set((check.problems || [])
    .filter((p) => p.code === "missing" || p.code.startsWith("missing-") || p.code === "empty-body")
    .map((p) => p.path.split(/[.[]/)[0]).filter(Boolean))];
}

function hiddenFor(type) {
  const own = new Set((TYPES.find((t) => t.loai === type) || {}).phan_rieng || []);
  const others = TYPES.flatMap((t) => t.phan_rieng || []).filter((f) => !own.has(f));
  return new Set([...PROGRAM_FIELDS, ...others]);
}

async function switchType(next, values) {
  await learn(next);
  loai = next;
  $("#loai").value = next;
  HIDDEN_FIELDS = hiddenFor(next);
  let saved = values || null;
  if (!saved) {
    try { saved = JSON.parse(localStorage.getItem(`congvan:${loai}`) || "null"); } catch (e) { saved = null; }
  }
  buildForm(saved);
  clearProblems();
  clearPreview();
  status("");
  if (values) changed();
}

// --- YAML: save the form as a file congvan reads, open a YAML/JSON form file -------

const YAML_WORDS = /^(true|false|null|~|yes|no|on|off|y|n)$/i;

function yamlString(text) {
  // Plain when YAML reads it back as the same text; double-quoted (JSON escapes are YAML's) otherwise.
  const plain = text !== "" && text === text.trim() && !/[\n\t\r\u0000-\u001f\u007f\u2028\u2029\ufeff]/.test(text) &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^[-+]?(\d|\.\d)/.test(text) && !YAML_WORDS.test(text) &&
    !/: |:$| #/.test(text) && !/^(=|<<|\.(inf|nan))$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

function yamlScalar(v) {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  return yamlString(String(v));
}

function yamlLines(v, indent) {
  const pad = " ".repeat(indent);
  if (Array.isArray(v)) {
    if (!v.length) return [`${pad}[]`];
    return v.flatMap((item) => {
      if (item !== null && typeof item === "object" && !(Array.isArray(item) && !item.length) &&
          !(!Array.isArray(item) && !Object.keys(item).length)) {
        const inner = yamlLines(item, indent + 2);
        return [`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1)];
      }
      return [`${pad}- ${yamlInline(item)}`];
    });
  }
  if (v !== null && typeof v === "object") {
    const keys = Object.keys(v);
    if (!keys.length) return [`${pad}{}`];
    return keys.flatMap((k) => {
      const x = v[k];
      const key = yamlString(k);
      if (x !== null && typeof x === "object" && (Array.isArray(x) ? x.length : Object.keys(x).length)) {
        return [`${pad}${key}:`, ...yamlLines(x, indent + 2)];
      }
      return [x === null || x === undefined ? `${pad}${key}:` : `${pad}${key}: ${yamlInline(x)}`];
    });
  }
  return [`${pad}${yamlScalar(v)}`];
}

function yamlInline(v) {
  if (Array.isArray(v)) return "[]";
  if (v !== null && typeof v === "object") return "{}";
  return yamlScalar(v);
}

function toYaml(data) {
  return `# Biểu mẫu congvan (${data.loai || loai}): congvan render TÊN.yaml -o TÊN.docx\n` +
    yamlLines(data, 0).join("\n") + "\n";
}
window.congvanYaml = toYaml;  // for the browser test

function saveYaml() {
  const data = root.get();
  const blob = new Blob([toYaml(data)], { type: "application/yaml" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: `${loai}.yaml` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  status(`✓ Đã lưu ${a.download}`, "ok");
}

async function openFile(file) {
  status(`Đang đọc ${file.name}…`);
  const json = /\.json$/i.test(file.name);
  const r = await fetch("/v1/form", { method: "POST", body: await file.text(),
    headers: { "Content-Type": json ? "application/json" : "application/yaml" } });
  const result = await r.json();
  if (!r.ok) {
    clearProblems();
    for (const p of result.problems || []) $("#loi-chung").append(problemItem(p));
    status(`Không đọc được ${file.name}: ${result.detail}`, "loi");
    return;
  }
  const data = result.data;
  if (!TYPES.some((t) => t.loai === data.loai)) {
    clearProblems();
    $("#loi-chung").append(problemItem({ path: "loai", vi: `Tệp ${file.name} không ghi loại văn bản (loai) hợp lệ`,
      en: `${file.name} names no valid document type (loai)` }));
    status(`Không mở được ${file.name}`, "loi");
    return;
  }
  await switchType(data.loai, data);
  status(`✓ Đã mở ${file.name}`, "ok");
}

async function init() {
  const [schema, health, types] = await Promise.all([fetch("/v1/schema").then((r) => r.json()),
    fetch("/healthz").then((r) => r.json()), fetch("/v1/types").then((r) => r.json())]);
  SCHEMA = schema;
  DEFS = schema.$defs || {};
  OFFICE = !!health.office;
  TYPES = types;
  $("#loai").replaceChildren(...types.map((t) =>
    h("option", { value: t.loai }, t.mau ? `${t.ten} (Mẫu ${t.mau})` : t.ten)));
  $("#tai-pdf").disabled = !OFFICE;
  $("#ghi-chu-pdf").hidden = OFFICE;
  $("#loai").addEventListener("change", () => switchType($("#loai").value));
  $("#luu-yaml").addEventListener("click", saveYaml);
  $("#mo-tep").addEventListener("change", (e) => {
    const file = e.target.files[0];
    e.target.value = "";
    if (file) openFile(file);
  });
  $("#bieu-mau").addEventListener("input", changed);
  $("#bieu-mau").addEventListener("change", changed);
  $("#vi-du").addEventListener("click", sample);
  $("#xoa-het").addEventListener("click", () => {
    localStorage.removeItem(`congvan:${loai}`); buildForm(null); clearProblems(); clearPreview(); status("");
  });
  $("#tai-docx").addEventListener("click", () => download(DOCX, "docx"));
  $("#tai-pdf").addEventListener("click", () => download("application/pdf", "pdf"));
  $("#xem-truoc").addEventListener("click", preview);
  await switchType("cong-van");
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", () => {
  init().catch((e) => { $("#bieu-mau").textContent = `Không tải được biểu mẫu: ${e}`; });
});
