import type { AppInstance } from '../../http/app-types.js';
import { FamilyChildrenSchema } from './home.schema.js';
import type { FamilyHomeService } from './home.service.js';

/** The family app's home (阳光少年): the children shown as cards, one per child. */
export function registerFamilyHomeRoutes(app: AppInstance, deps: { home: FamilyHomeService }) {
  const tags = ['family'];

  app.get('/api/family/children', {
    config: { access: 'family:read' },
    schema: { tags, summary: '我的孩子 / The children the family app shows (a guardian\'s own, class staff\'s classes\')', response: { 200: FamilyChildrenSchema } },
  }, async (req) => deps.home.children(req.actor!));
}
