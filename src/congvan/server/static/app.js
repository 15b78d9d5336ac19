// The clerk's form, built from the service's JSON Schema (GET /v1/schema).
// No framework and no build step: every field is an "editor" object with
// el (its DOM), get(path) (its value; also stamps the field path on the DOM
// so the service's problems can be shown beside the right field) and set(value).
"use strict";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// Which fields a clerk sees first for each type; the rest wait under "Các trường khác".
const MAIN_FIELDS = {
  "cong-van": ["co_quan_chu_quan", "co_quan_ban_hanh", "so", "don_vi_soan_thao", "dia_danh", "ngay",
               "trich_yeu", "kinh_gui", "noi_dung", "noi_nhan", "luu", "nguoi_ky"],
  "ke-hoach": ["co_quan_chu_quan", "co_quan_ban_hanh", "so", "dia_danh", "ngay", "trich_yeu", "can_cu",
               "noi_dung", "noi_nhan", "luu", "nguoi_ky", "cach_phan_cong"],
};
// Fields of other document types (giấy mời, biên bản …) or for programs, not for this page.
const HIDDEN_FIELDS = new Set(["$schema", "loai", "danh_sach", "giay_moi", "gioi_thieu", "bien_ban", "nghi_phep",
  "dien_gui", "tham_quyen", "theo_de_nghi", "kem_theo", "ban_sao",
  "anh_chu_ky", "anh_dau"]);  // the service takes no server file paths
// Required by the model's rules for the type (Phụ lục I §II.3, §II.5, §II.9.a), not by the schema.
const REQUIRED_BY_TYPE = { "cong-van": ["don_vi_soan_thao", "trich_yeu", "kinh_gui", "noi_dung"],
                           "ke-hoach": ["trich_yeu", "noi_dung"] };
// Lists that start with one empty line, because the type needs them.
const START_WITH_ONE = { "cong-van": ["kinh_gui", "noi_dung"], "ke-hoach": ["noi_dung"] };
const LONG_TEXT = new Set(["trich_yeu", "noi_dung", "khoan", "gach", "can_cu", "kinh_gui"]);
const BLOCK_KINDS = [
  ["doan", "Đoạn văn"], ["Muc", "Mục (có tiêu đề: I., 1., a)"], ["Khoan", "Khoản (đánh số, không tiêu đề)"],
  ["Gach", "Các ý gạch đầu dòng"], ["DanhSachNhiemVu", "Danh sách nhiệm vụ"], ["SoTien", "Số tiền"],
  ["Phan", "Phần"], ["Chuong", "Chương"], ["Dieu", "Điều"], ["Bang", "Bảng"],
];
const BLOCK_KEYS = { Muc: "muc", Khoan: "khoan", Gach: "gach", DanhSachNhiemVu: "nhiem_vu", SoTien: "so_tien",
  Phan: "phan", Chuong: "chuong", Dieu: "dieu", Bang: "bang" };

let DEFS = {};
let SCHEMA = null;
let OFFICE = false;
let loai = "cong-van";
let root = null;
let uid = 0;

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
  const members = (s.anyOf || s.oneOf || []).map(resolve).filter((m) => m.type !== "null");
  const cellSchema = members.find((m) => m.type === "object" && m.properties && m.properties.gop_cot);
  if (cellSchema && members.some((m) => m.type === "string")) return cellEditor(cellSchema);
  if (members.length) {
    const carry = { title: s.title, description: s.description, default: s.default };
    const pick = members.find((m) => m.type === "array") || members.find((m) => m.type === "string" && !m.enum) ||
      (members.length === 1 ? members[0] : null) || members.find((m) => m.type === "object") || members[0];
    const merged = { ...pick, ...Object.fromEntries(Object.entries(carry).filter(([, v]) => v !== undefined)) };
    return editorFor(key, merged, required, inArray);
  }
  if (s.enum) return selectEditor(key, s, required);
  if (s.type === "object" && !s.properties && s.additionalProperties) return mapEditor(key, s, required);
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
  const input = h("select", { id }, required ? null : h("option", { value: "" }, "—"),
    s.enum.map((v) => h("option", { value: v }, String(v))));
  if (s.default !== undefined && s.default !== null) input.value = s.default;
  const initial = input.value;
  const ed = { input, el: field(key, s, required, input, id),
    get(path) { stamp(ed, path); return input.value && input.value !== initial ? input.value : (required ? input.value : undefined); },
    set(v) { input.value = v === undefined || v === null ? initial : v; } };
  return ed;
}

function objectEditor(key, s, required, inArray, only, alsoRequired) {
  const props = s.properties || {};
  const need = new Set([...(s.required || []), ...(alsoRequired || [])]);
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

// A table cell: its text, and how many columns and rows it spans (bang: gop_cot, gop_dong);
// a plain cell is text, a merged one {noi_dung, gop_cot, gop_dong}.
function cellEditor(s) {
  const text = h("textarea", { rows: 1, "aria-label": "Nội dung ô" });  // "\n": a new line in the cell
  const span = (what) => h("input", { type: "text", inputmode: "numeric", class: "gop", size: 3,
    placeholder: what, title: what, "aria-label": what });
  const cols = span(vi(s.properties.gop_cot.description)), rows = span(vi(s.properties.gop_dong.description));
  let align;  // a cell's own alignment, kept as written
  const ed = {
    input: text, el: h("div", { class: "field o" }, text, cols, rows, h("ul", { class: "problems" })),
    get(path) {
      stamp(ed, path);
      const c = parseInt(cols.value, 10) || 1, r = parseInt(rows.value, 10) || 1;
      if (c === 1 && r === 1 && !align) return text.value;
      return { noi_dung: text.value, ...(c > 1 ? { gop_cot: c } : {}), ...(r > 1 ? { gop_dong: r } : {}),
               ...(align ? { can: align } : {}) };
    },
    set(v) {
      const o = v && typeof v === "object" ? v : { noi_dung: v === undefined || v === null ? "" : String(v) };
      text.value = o.noi_dung || "";
      cols.value = o.gop_cot > 1 ? o.gop_cot : "";
      rows.value = o.gop_dong > 1 ? o.gop_dong : "";
      align = o.can;
    },
  };
  return ed;
}

// key → text pairs (chu_thich: the footnotes, each referenced as [^key] in the text).
function mapEditor(key, s, required) {
  const list = h("div", { class: "items" });
  const rows = [];
  const add = (k = "", v = "") => {
    const name = h("input", { type: "text", class: "khoa", placeholder: "1", "aria-label": "Khóa", value: k });
    const text = h("textarea", { rows: 2, "aria-label": "Nội dung" });
    text.value = v;
    const pair = { name, text };
    const row = h("div", { class: "item" }, h("div", { class: "noi" }, name, text),
      h("button", { type: "button", class: "xoa", title: "Xóa dòng này", "aria-label": "Xóa",
        onclick: () => { rows.splice(rows.indexOf(pair), 1); row.remove(); changed(); } }, "✕"));
    rows.push(pair);
    list.append(row);
  };
  const button = h("button", { type: "button", class: "them", "data-add": key,
    onclick: () => { add(); changed(); } }, `+ Thêm ${(s.title || key).toLowerCase()}`);
  const box = h("fieldset", {}, h("legend", { class: required ? "req" : "" }, s.title || key),
    h("div", { class: "hint" }, vi(s.description)), h("ul", { class: "problems" }), list, button);
  const ed = {
    el: box,
    get(path) {
      ed.el.dataset.path = path;
      const out = {};
      for (const r of rows) if (r.name.value.trim() && r.text.value.trim()) out[r.name.value.trim()] = r.text.value;
      return isEmpty(out) ? undefined : out;
    },
    set(v) { rows.length = 0; list.replaceChildren(); for (const [k, x] of Object.entries(v || {})) add(k, x); },
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
    get(path) { el.dataset.path = path; return inner.get(path); },
    set(v) { select.value = blockKind(v); build(select.value); inner.set(v); },
  };
}

// --- the form --------------------------------------------------------------------

function buildForm(values) {
  const form = $("#bieu-mau");
  const props = SCHEMA.properties;
  const main = MAIN_FIELDS[loai];
  const rest = Object.keys(props).filter((k) => !HIDDEN_FIELDS.has(k) && !main.includes(k));
  const first = objectEditor(null, SCHEMA, false, false, main, REQUIRED_BY_TYPE[loai]);
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
  else for (const k of START_WITH_ONE[loai] || []) first.children[k] && first.children[k].add();
  root.get();  // stamps names on the inputs
}

// --- talking to the service ------------------------------------------------------

let timer = null;
let seq = 0;

function changed() {
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

async function preview() {
  const frame = $("#xem-truoc-khung");
  status("Đang dựng trang 1…");
  try {
    if (OFFICE) {
      try {
        const r = await render("image/png");
        const img = h("img", { alt: "Trang 1 của văn bản", src: URL.createObjectURL(await r.blob()) });
        frame.replaceChildren(img);
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
    status("✓ Bản xem trước dạng chữ (máy chủ không dựng được ảnh trang)", "ok");
  } catch (e) { /* shown */ }
}

async function sample() {
  const r = await fetch(`/static/vi-du/${loai}.json`);
  buildForm(await r.json());
  changed();
}

function switchType(next) {
  loai = next;
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(`congvan:${loai}`) || "null"); } catch (e) { saved = null; }
  buildForm(saved);
  clearProblems();
  status("");
}

async function init() {
  const [schema, health] = await Promise.all([fetch("/v1/schema").then((r) => r.json()),
    fetch("/healthz").then((r) => r.json())]);
  SCHEMA = schema;
  DEFS = schema.$defs || {};
  OFFICE = !!health.office;
  $("#tai-pdf").disabled = !OFFICE;
  $("#ghi-chu-pdf").hidden = OFFICE;
  document.querySelectorAll("input[name=loai]").forEach((r) => r.addEventListener("change", () => switchType(r.value)));
  $("#bieu-mau").addEventListener("input", changed);
  $("#bieu-mau").addEventListener("change", changed);
  $("#vi-du").addEventListener("click", sample);
  $("#xoa-het").addEventListener("click", () => { localStorage.removeItem(`congvan:${loai}`); buildForm(null); clearProblems(); status(""); });
  $("#tai-docx").addEventListener("click", () => download(DOCX, "docx"));
  $("#tai-pdf").addEventListener("click", () => download("application/pdf", "pdf"));
  $("#xem-truoc").addEventListener("click", preview);
  switchType(document.querySelector("input[name=loai]:checked").value);
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", () => {
  init().catch((e) => { $("#bieu-mau").textContent = `Không tải được biểu mẫu: ${e}`; });
});
