import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addOfficialSheet, columnLetter, layoutHeader } from './official-sheet.js';
import { isoWeekNumber, periodLabel, periodOf } from './reports.periods.js';

describe('official tables (统计表)', () => {
  it('lays a header tree out with groups merged across and leaves merged down', () => {
    const { depth, leaves, cells } = layoutHeader([
      { header: '序号', key: 'seq' },
      { header: '2018年8月批次', children: [
        { header: '幼儿园', children: [{ header: '目标数', key: 'k.t' }, { header: '已激活', key: 'k.a' }] },
        { header: '中小学', children: [{ header: '目标数', key: 'p.t' }] },
      ] },
      { header: '备注', key: 'note' },
    ]);
    expect(depth).toBe(3);
    expect(leaves.map((l) => l.key)).toEqual(['seq', 'k.t', 'k.a', 'p.t', 'note']);
    const at = (text: string) => cells.find((c) => c.text === text);
    expect(at('序号')).toEqual({ text: '序号', top: 1, left: 1, bottom: 3, right: 1 });
    expect(at('2018年8月批次')).toEqual({ text: '2018年8月批次', top: 1, left: 2, bottom: 1, right: 4 });
    expect(at('幼儿园')).toEqual({ text: '幼儿园', top: 2, left: 2, bottom: 2, right: 3 });
    expect(at('中小学')).toEqual({ text: '中小学', top: 2, left: 4, bottom: 2, right: 4 });
    expect(at('备注')).toEqual({ text: '备注', top: 1, left: 5, bottom: 3, right: 5 });
  });

  it('writes title, headers, labelled total rows, dashes for figures that do not apply, and print setup', async () => {
    const wb = new ExcelJS.Workbook();
    addOfficialSheet(wb, {
      name: '表', title: '统计表', subtitle: { left: '统计时段', right: '制表单位' }, freezeColumns: 1,
      columns: [{ header: '县', key: 'c' }, { header: '情况', children: [{ header: '天数', key: 'd', numFmt: '#,##0' }, { header: '达标率', key: 'r', numFmt: '0.0%' }] }],
      rows: [{ kind: 'data', values: { c: '冠县', d: 10, r: 0.9 } }, { kind: 'data', values: { c: '莘县', d: 0, r: null } }, { kind: 'total', label: '合计', values: { d: 10, r: 0.9 } }],
      notes: ['注：示例'],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const ws = back.getWorksheet('表')!;
    expect(ws.getCell('A1').value).toBe('统计表');
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('B3').value).toBe('情况');
    expect(ws.getCell('A3').isMerged && ws.getCell('A4').isMerged).toBe(true);
    expect([ws.getCell('B4').value, ws.getCell('C4').value]).toEqual(['天数', '达标率']);
    expect([ws.getCell('A5').value, ws.getCell('C5').value, ws.getCell('C5').numFmt]).toEqual(['冠县', 0.9, '0.0%']);
    expect([ws.getCell('B6').value, ws.getCell('C6').value]).toEqual([0, '—']);
    expect([ws.getCell('A7').value, ws.getCell('B7').value]).toEqual(['合计', 10]);
    expect(ws.getCell('A8').value).toBe('注：示例');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4', printArea: 'A1:C8',
    });
    expect(ws.headerFooter.oddFooter).toContain('&P');
  });

  it('names columns past Z as Excel does', () => {
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(52), columnLetter(703)]).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('reporting periods', () => {
  it('cuts months and Monday-to-Sunday weeks', () => {
    expect(periodOf('monthly', '2018-02-14')).toEqual({ start: '2018-02-01', end: '2018-02-28' });
    expect(periodOf('monthly', '2018-12-31')).toEqual({ start: '2018-12-01', end: '2018-12-31' });
    expect(periodOf('weekly', '2018-04-04')).toEqual({ start: '2018-04-02', end: '2018-04-08' });
    expect(periodOf('weekly', '2018-04-08')).toEqual({ start: '2018-04-02', end: '2018-04-08' });
  });

  it('names them as the bureau does', () => {
    expect(periodLabel('monthly', '2018-03-01', '2018-03-31')).toBe('2018年3月');
    expect(periodLabel('weekly', '2018-04-02', '2018-04-08')).toBe('2018年第14周（4月2日—4月8日）');
    expect([isoWeekNumber('2018-01-01'), isoWeekNumber('2016-01-03'), isoWeekNumber('2020-12-31')]).toEqual([1, 53, 53]);
  });
});
