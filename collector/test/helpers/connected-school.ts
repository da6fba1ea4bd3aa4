// A school ("north") connected to a local Google Admin fixture server, with its own SQLite store on disk: the setup
// the connector's tests share. Everything made is removed by close(), and already if a later setup step throws.
import { join } from 'node:path';
import { connectChromeos } from '../../src/connectors/chromeos/connection.ts';
import { addSchool } from '../../src/schools.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { startGoogleAdminServer, type GoogleAdminServer } from './google-admin-server.ts';
import { makeTempDir } from './temp-dir.ts';

export interface ConnectedSchool { google: GoogleAdminServer; store: Store; close(): Promise<void> }

export const startConnectedSchool = async (): Promise<ConnectedSchool> => {
  const google = await startGoogleAdminServer();
  const temp = makeTempDir();
  let store: Store | undefined;
  const close = async (): Promise<void> => {
    await store?.close();
    await google.close();
    temp.remove();
  };
  try {
    store = openSqliteStore(join(temp.dir, 'collector.sqlite'));
    await addSchool(store, { id: 'north', name: 'North Primary' }, Date.now());
    await connectChromeos(store, {
      schoolId: 'north', customerId: 'C01b2c3d4', serviceAccountFile: google.serviceAccountFile, adminEmail: 'it@north.example.org', apiBase: google.apiBase,
    }, Date.now());
    return { google, store, close };
  } catch (error) {
    await close();
    throw error;
  }
};
