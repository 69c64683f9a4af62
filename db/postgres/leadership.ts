// One process among several leads (runs the scheduler): the one holding a session advisory lock
// on a connection of its own. PostgreSQL releases the lock when that connection ends, so a
// process that dies or loses the database hands leadership on by itself. A heartbeat notices a
// connection that died without a word, so held() turns false soon after.

import pg from 'pg';

export interface Leadership {
  /** False once released or once the lock's connection dropped (the lock went with it). */
  held(): boolean;
  release(): Promise<void>;
}

export interface LeadershipOptions {
  /** Called once when leadership is lost without release() (the connection dropped). */
  onLost?: () => void;
  /** How often the lock's connection is checked (default 5000 ms). */
  heartbeatMs?: number;
}

export async function takeLeadership(config: pg.ClientConfig, key: [number, number], options: LeadershipOptions = {}): Promise<Leadership | null> {
  const client = new pg.Client(config);
  let held = false;
  let heartbeat: NodeJS.Timeout | null = null;
  const end = () => {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    client.end().catch(() => {});
  };
  const lose = () => {
    if (!held) return;
    held = false;
    end();
    options.onLost?.();
  };
  // Errors surface as a lost leadership, never as an unhandled event.
  client.on('error', lose);
  client.on('end', lose);
  await client.connect();
  let got: unknown;
  try {
    got = (await client.query<{ got: unknown }>('SELECT pg_try_advisory_lock($1, $2) AS got', key)).rows[0]?.got;
  } catch (error) {
    end();
    throw error;
  }
  if (got !== true && got !== 1) {
    end();
    return null;
  }
  held = true;
  heartbeat = setInterval(() => {
    client.query('SELECT 1').catch(lose);
  }, options.heartbeatMs ?? 5000);
  heartbeat.unref();
  return {
    held: () => held,
    async release() {
      if (!held) return;
      held = false;
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      // Ending the connection releases the lock as well; unlocking first makes it immediate.
      await client.query('SELECT pg_advisory_unlock($1, $2)', key).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
