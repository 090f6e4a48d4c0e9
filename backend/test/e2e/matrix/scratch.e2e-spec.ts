import { startTestApp } from '../../support/test-app.js';
import { documentedEndpoints, routerEndpoints } from './routes.js';
it('dump', async () => {
  const t = await startTestApp('sqlite');
  const doc = (await documentedEndpoints(t.baseUrl)).map((d) => d.key).sort();
  const router = routerEndpoints(t.app);
  console.log(router.length, doc.length, router.filter((k) => !doc.includes(k)), doc.filter((k) => !router.includes(k)));
  await t.close();
}, 60000);
