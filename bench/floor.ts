/**
 * The floor: the least any server can do to answer the benchmark's questions — a bare Node HTTP server that runs
 * one hand-written SQL statement per request through postgres.js, Postgres building the JSON. No GraphQL, no
 * access control, no audit. All three sources in one database (it joins across their schemas, which the gateway
 * must not). `DATABASE_URL`, `PORT` (0: any), prints `{"port": n}` when listening.
 */
import http from "node:http";
import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_SIZE || 10), onnotice: () => {} });

const LOOKUP = `select json_build_object('data', json_build_object('citizen', json_build_object(
  'fullName', c.full_name, 'dateOfBirth', c.date_of_birth, 'sex', c.sex)))::text as body
  from population.citizens c where c.personal_id = $1`;

const NESTED = `select json_build_object('data', json_build_object('citizen', json_build_object(
  'fullName', c.full_name,
  'household', (select json_build_object('id', h.id, 'members', (
      select coalesce(json_agg(json_build_object('relationToHead', m.relation_to_head, 'citizen', json_build_object('fullName', mc.full_name)) order by m.personal_id), '[]')
      from population.household_members m join population.citizens mc on mc.personal_id = m.personal_id where m.household_id = h.id))
    from population.households h where h.id = c.household_id),
  'landParcels', (select coalesce(json_agg(json_build_object('sharePercent', ho.share_percent, 'parcel', json_build_object(
      'id', p.id, 'areaM2', p.area_m2,
      'certificates', (select coalesce(json_agg(json_build_object('serial', ce.serial, 'status', ce.status) order by ce.issued_on desc), '[]') from land.certificates ce where ce.parcel_id = p.id),
      'encumbrances', (select coalesce(json_agg(json_build_object('lenderName', e.lender_name, 'active', e.released_on is null) order by e.registered_on desc), '[]') from land.encumbrances e where e.parcel_id = p.id)))
      order by p.id), '[]')
    from land.holders ho join land.certificates ac on ac.serial = ho.certificate_serial and ac.status = 'ACTIVE' join land.parcels p on p.id = ac.parcel_id
    where ho.personal_id = c.personal_id),
  'enterpriseRoles', (select coalesce(json_agg(json_build_object('role', ep.role, 'enterprise', json_build_object('code', en.code, 'name', en.name, 'status', en.status))), '[]')
    from business.enterprise_people ep join business.enterprises en on en.code = ep.enterprise_code where ep.personal_id = c.personal_id)
)))::text as body
from population.citizens c where c.personal_id = $1`;

const LIST = `select json_build_object('data', json_build_object('citizens', json_build_object(
  'edges', coalesce(json_agg(json_build_object('node', json_build_object('personalId', t.personal_id, 'fullName', t.full_name)) order by t.personal_id), '[]'),
  'pageInfo', json_build_object('endCursor', max(t.personal_id)))))::text as body
  from (select personal_id, full_name from population.citizens where permanent_province_code = $1 order by personal_id limit 20) t`;

const QUERIES: Record<string, string> = { "/lookup": LOOKUP, "/nested": NESTED, "/list": LIST };

let statements = 0;

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://floor");
    if (url.pathname === "/__statements") {
      res.end(String(statements));
      return;
    }
    const text = QUERIES[url.pathname];
    if (!text) {
      res.writeHead(404).end();
      return;
    }
    statements++;
    const [row] = await sql.unsafe(text, [url.searchParams.get("id") ?? url.searchParams.get("province") ?? ""], { prepare: true });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(row?.body ?? '{"data":{"citizen":null}}');
  } catch (error) {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
  }
});
server.listen(Number(process.env.PORT || 0), "127.0.0.1", () => {
  console.log(JSON.stringify({ port: (server.address() as { port: number }).port }));
});
process.on("SIGTERM", () => server.close(() => sql.end().then(() => process.exit(0))));
