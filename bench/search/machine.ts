/** The machine a run was made on, for the record in docs/benchmarks.md. */

import { cpus, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ram_gb: number;
  node: string;
  platform: string;
  date: string;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ram_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString().slice(0, 10),
  };
}

export const machineLine = (m: Machine): string =>
  `${m.date} · ${m.cpu} · ${m.cores} cores · ${m.ram_gb} GB RAM · Node ${m.node} · ${m.platform}`;
