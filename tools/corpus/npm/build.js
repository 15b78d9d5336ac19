// The corpus files written by the npm "docx" package, with the calls its users make:
// a default run font and size in `styles`, Paragraph / TextRun / Table / TableCell,
// paragraph borders for the rules, a PAGE number in a header with a title page.
// tools/corpus/npm.py writes the documents as JSON (one object a file) and runs:
//     node build.js specs.json OUTDIR
"use strict";
const fs = require("fs");
const path = require("path");
const {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, Paragraph, Table,
  TableBorders, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} = require("docx");

const ALIGN = { center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT,
                both: AlignmentType.JUSTIFIED };
const RULE = { style: BorderStyle.SINGLE, size: 6, space: 1, color: "000000" };

function paragraph(p) {
  const options = {
    alignment: ALIGN[p.align || "center"],
    spacing: { before: p.before || 0, after: 0 },
    children: (p.runs || []).map((r) => new TextRun({
      text: r.text, bold: r.bold, italics: r.italic, size: r.size * 2, font: r.font || undefined,
    })),
  };
  if (p.line) {
    options.spacing.line = p.line.value;
    options.spacing.lineRule = { auto: LineRuleType.AUTO, exact: LineRuleType.EXACT,
                                 atLeast: LineRuleType.AT_LEAST }[p.line.rule];
  }
  if (p.left || p.right || p.first) {
    options.indent = { left: p.left || 0, right: p.right || 0, firstLine: p.first || undefined };
  }
  if (p.rule) options.border = { bottom: RULE };
  // in schema order: docx writes the sides in the order of the keys, and Word wants top, left, bottom, right
  if (p.box) options.border = { top: RULE, left: RULE, bottom: RULE, right: RULE };
  return new Paragraph(options);
}

function table(t) {
  return new Table({
    width: { size: t.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: t.widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: TableBorders.NONE,
    rows: t.rows.map((row) => new TableRow({
      children: row.map((cell, n) => new TableCell({
        width: { size: t.widths[n], type: WidthType.DXA },
        borders: TableBorders.NONE,
        children: cell.map(paragraph),
      })),
    })),
  });
}

function document(spec) {
  const pageNumber = new Paragraph({
    alignment: ALIGN[spec.page.number_align],
    children: [new TextRun({ children: [PageNumber.CURRENT], size: spec.page.number_size * 2 })],
  });
  return new Document({
    creator: "Văn thư",
    title: spec.title,
    styles: { default: { document: { run: { font: "Times New Roman", size: spec.body_size * 2 } } } },
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: 11906, height: 16838 },
          margin: { ...spec.page.margins, header: 567, footer: 567 },
        },
      },
      headers: { default: new Header({ children: [pageNumber] }), first: new Header({ children: [] }) },
      children: spec.blocks.map((b) => (b.table ? table(b.table) : paragraph(b))),
    }],
  });
}

async function main() {
  const [specsFile, outDir] = process.argv.slice(2);
  const specs = JSON.parse(fs.readFileSync(specsFile, "utf8"));
  for (const spec of specs) {
    const buffer = await Packer.toBuffer(document(spec));
    fs.writeFileSync(path.join(outDir, spec.file), buffer);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
