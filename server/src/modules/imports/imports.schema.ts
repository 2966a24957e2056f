import { Type } from 'typebox';
import { IMPORT_KINDS } from '../../../../shared/domain.js';

export const ImportErrorSchema = Type.Object({
  row: Type.Integer({ description: 'Excel 行号，表头为第 1 行' }),
  column: Type.String({ description: '列名（模板中的表头）；整个文件的问题为空' }),
  message: Type.String(),
});

export const PreviewSchema = Type.Object({
  kind: Type.Enum(IMPORT_KINDS),
  totalRows: Type.Integer({ description: '非空数据行数' }),
  errors: Type.Array(ImportErrorSchema, { description: '按行号排列，最多列出 1000 处' }),
  errorCount: Type.Integer(),
  ok: Type.Boolean(),
});

export const ImportedSchema = Type.Object({ imported: Type.Integer() });
