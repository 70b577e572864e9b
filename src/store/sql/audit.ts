import type { AuditEntry } from '../../core/index.ts';
import { toAuditEntry } from '../rows.ts';
import { Conditions, type SqlDb } from './sql-db.ts';

export async function audit(db: SqlDb, entry: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (at, actor, action, detail) VALUES ($1, $2, $3, $4)', [
    db.date(entry.at),
    entry.actor,
    entry.action,
    JSON.stringify(entry.detail),
  ]);
}

/** oldest first; entries of the same instant in the order they were written */
export async function listAudit(db: SqlDb, filter: { since?: Date } = {}): Promise<AuditEntry[]> {
  const where = new Conditions();
  if (filter.since !== undefined) where.add('at >= ?', db.date(filter.since));
  const rows = await db.query(`SELECT * FROM audit_log ${where} ORDER BY at, seq`, where.params);
  return rows.map((row) => toAuditEntry(row, db.decode));
}
