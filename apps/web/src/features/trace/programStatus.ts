import type { TFunction } from 'i18next';
import type { ProgramEntry } from '../../store/state.ts';

/** A program's state in words: running, ended with its exit code (or signal), or no longer traced and why. */
export function programStatus(t: TFunction, program: ProgramEntry): { label: string; reason?: string } {
  switch (program.status) {
    case 'running':
      return { label: t('trace.program.status.running') };
    case 'exited':
      if (program.signal) return { label: t('trace.program.status.killed', { signal: program.signal }) };
      return program.exitCode === undefined
        ? { label: t('trace.program.status.ended') }
        : { label: t('trace.program.status.exited', { code: program.exitCode }) };
    case 'detached': {
      const label = t('trace.program.status.detached');
      if (!program.reasonCode) return { label };
      return { label, reason: t(`trace.program.reason.${program.reasonCode}`, { reason: program.reason ?? '' }) };
    }
  }
}
