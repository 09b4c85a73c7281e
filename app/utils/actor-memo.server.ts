// Answers computed once per actor object, which is once per request (the actor is loaded once per request in
// auth.server.ts), so a page that asks the same question in several places sends its queries once. Any write to the
// models the answer depends on (through the models, factories and seeds included) starts a new generation, so an
// actor object kept across writes, as tests do, never sees a stale answer.
import type { ModelStatic, Model } from 'sequelize';
import type { Actor } from './permissions.server.ts';

const WRITE_HOOKS = ['afterCreate', 'afterUpdate', 'afterDestroy', 'afterBulkCreate', 'afterBulkUpdate', 'afterBulkDestroy'] as const;

type Options = { transaction?: { afterCommit(fn: () => void): void } | null };

export function memoPerActor<T>(dependsOn: ModelStatic<Model>[], load: (actor: Actor) => Promise<T>): (actor: Actor) => Promise<T> {
  const answers = new WeakMap<Actor, { generation: number; answer: Promise<T> }>();
  let generation = 0;
  // A write inside a transaction may be read by others only after commit: move on again then.
  const forget = (options?: Options) => {
    generation += 1;
    options?.transaction?.afterCommit(() => (generation += 1));
  };
  for (const model of dependsOn) {
    for (const hook of WRITE_HOOKS) {
      (model as unknown as { addHook(name: string, fn: (...args: unknown[]) => void): void }).addHook(hook, (...args: unknown[]) =>
        forget(args.find((arg): arg is Options => typeof arg === 'object' && arg !== null && 'transaction' in arg)),
      );
    }
  }
  return (actor) => {
    const known = answers.get(actor);
    if (known && known.generation === generation) return known.answer;
    const answer = load(actor);
    answers.set(actor, { generation, answer });
    answer.catch(() => answers.delete(actor));
    return answer;
  };
}
