// Loads every data file into the form table (table.ts). Import this module (encode.ts does) before
// looking anything up in FORMS or BY_SPELLING.

import { addRows } from './table';
import { GP_ROWS } from './table-gp';
import { X87_ROWS } from './table-x87';
import { SSE_ROWS } from './table-sse';
import { AVX_ROWS } from './table-avx';

// Prefixes written as instructions of their own (`rep; movsb`, `lock` on a line by itself).
const PREFIX_ROWS = [
  'lock - F0', 'rep/repe/repz - F3', 'repne/repnz - F2', 'cs - 2E', 'ds - 3E', 'es - 26 | i64', 'fs - 64', 'gs - 65', 'ss - 36 | i64',
  'data16 - 66', 'addr32 - 67 | n16', 'addr16 - 67 | m16',
];

addRows(GP_ROWS, 'base');
addRows(X87_ROWS, 'x87', false);
addRows(SSE_ROWS, 'sse', false);
addRows(AVX_ROWS, 'avx', false);
addRows(PREFIX_ROWS, 'base');
