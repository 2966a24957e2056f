import type { AppInstance } from '../../http/app-types.js';
import { ChangeResult, CreateRuleBody, IdParams, RegionPlaceQuery, RulesSchema, UpdateRuleBody } from '../calendar/calendar.schema.js';
import type { QuotaRulesAdmin } from './quota-rules.admin.js';

/** The quota rules on the calendar page (校历与录播规则): list, add from a date, change. */
export function registerQuotaRuleRoutes(app: AppInstance, deps: { rules: QuotaRulesAdmin }) {
  const admin = deps.rules;
  const tags = ['calendar'];

  app.get('/api/calendar/quota-rules', {
    config: { access: 'org:read' },
    schema: { tags, summary: '录播规则 / Quota rules that apply at a city, county or school, with their effective dates', querystring: RegionPlaceQuery, response: { 200: RulesSchema } },
  }, async (req) => admin.listRules(req.actor!, req.query));

  app.post('/api/calendar/quota-rules', {
    config: { access: 'calendar:write' },
    schema: { tags, summary: '新建录播规则 / Add a quota rule from a date; recomputes the days it decides', body: CreateRuleBody, response: { 201: ChangeResult } },
  }, async (req, reply) => reply.code(201).send(await admin.createRule(req.actor!, req.body, req.ip)));

  app.patch('/api/calendar/quota-rules/:id', {
    config: { access: 'calendar:write' },
    schema: { tags, summary: '修改录播规则 / Change a quota rule; recomputes the days it decided or decides', params: IdParams, body: UpdateRuleBody, response: { 200: ChangeResult } },
  }, async (req) => admin.updateRule(req.actor!, req.params.id, req.body, req.ip));
}
