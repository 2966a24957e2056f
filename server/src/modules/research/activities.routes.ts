import { sendFile } from '../../http/send-file.js';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { readUploadedFile } from '../../http/uploaded-file.js';
import { AppError, badRequest } from '../../http/errors.js';
import {
  ActivityCountsSchema, ActivityDetailSchema, ActivityFileSchema, ActivityLessonSchema, ActivityPage, ActivityParams, AttachBody, CountsQuery,
  CreateActivityBody, FileParams, FileQuery, LessonBriefSchema, LessonParams, ListQuery, PeopleQuery, ResearchPeople, SummaryBody, UpdateActivityBody,
} from './activities.schema.js';
import type { ActivityFiles, SentFile } from './activities.files.js';
import type { ActivityLessons } from './activities.lessons.js';
import type { ActivityReads } from './activities.service.js';
import type { ActivityWrites } from './activities.writes.js';

/** The multipart field `file`, read whole (the platform's 20 MB limit), or a 400/413 the person can act on. */
function sentFile(req: FastifyRequest): Promise<SentFile> {
  return readUploadedFile(req, {
    missing: () => badRequest('RESEARCH_FILE_MISSING', '没有收到文件：请选择教案或课件后上传（表单字段名 file）'),
    tooLarge: () => new AppError(413, 'RESEARCH_FILE_TOO_LARGE', '文件超过 20 MB：请压缩图片或拆分课件后再上传'),
  });
}

/** 教研活动: activities, their lessons and files, and the people a form may invite. */
export function registerActivitiesRoutes(app: AppInstance, deps: { reads: ActivityReads; writes: ActivityWrites; lessons: ActivityLessons; files: ActivityFiles }) {
  const { reads, writes, lessons, files } = deps;
  const tags = ['research'];
  const who = (req: FastifyRequest) => ({ actor: req.actor!, ip: req.ip });

  app.get('/api/research/activities', {
    config: { access: 'research:read' },
    schema: { tags, summary: '教研活动列表 / Activities the caller is in (view=mine) or reaches (supervised)', querystring: ListQuery, response: { 200: ActivityPage } },
  }, async (req) => reads.list(req.actor!, req.query));

  app.get('/api/research/activities/counts', {
    config: { access: 'research:read' },
    schema: { tags, summary: '教研活动统计 / Activities in reach by status and kind', querystring: CountsQuery, response: { 200: ActivityCountsSchema } },
  }, async (req) => reads.counts(req.actor!, req.query));

  app.get('/api/research/people', {
    config: { access: 'research:write' },
    schema: { tags, summary: '可邀请的人员 / Teachers of a school, or officers of a county or the city, a form may invite', querystring: PeopleQuery, response: { 200: ResearchPeople } },
  }, async (req) => reads.people(req.actor!, req.query));

  app.get('/api/research/activities/:id', {
    config: { access: 'research:read' },
    schema: { tags, summary: '教研活动详情 / One activity: schools, members, lessons, files, bookings, what the viewer may do', params: ActivityParams, response: { 200: ActivityDetailSchema } },
  }, async (req) => reads.get(req.actor!, req.params.id));

  app.post('/api/research/activities', {
    config: { access: 'research:write' },
    schema: { tags, summary: '发起教研活动 / Create an activity at the creator\'s node (or their group\'s)', body: CreateActivityBody, response: { 201: ActivityDetailSchema } },
  }, async (req, reply) => reply.status(201).send(await writes.create(who(req), req.body)));

  app.patch('/api/research/activities/:id', {
    config: { access: 'research:write' },
    schema: { tags, summary: '修改教研活动 / Edit an activity (the organiser, before its summary)', params: ActivityParams, body: UpdateActivityBody, response: { 200: ActivityDetailSchema } },
  }, async (req) => writes.update(who(req), req.params.id, req.body));

  app.post('/api/research/activities/:id/open', {
    config: { access: 'research:write' },
    schema: { tags, summary: '开放评课 / planned → open: reviews are taken', params: ActivityParams, response: { 200: ActivityDetailSchema } },
  }, async (req) => writes.open(who(req), req.params.id));

  app.post('/api/research/activities/:id/summary', {
    config: { access: 'research:write' },
    schema: { tags, summary: '活动总结 / The organiser\'s summary closes the activity (open → summarised)', params: ActivityParams, body: SummaryBody, response: { 200: ActivityDetailSchema } },
  }, async (req) => writes.summarise(who(req), req.params.id, req.body.summary));

  app.delete('/api/research/activities/:id', {
    config: { access: 'research:write' },
    schema: { tags, summary: '删除教研活动 / Soft-delete an activity (the organiser; audited)', params: ActivityParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await writes.remove(who(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/research/activities/:id/lessons', {
    config: { access: 'research:write' },
    schema: { tags, summary: '挂接课例 / Attach a recorded lesson (a member their own, the organiser any they may watch)', params: ActivityParams, body: AttachBody, response: { 201: ActivityLessonSchema } },
  }, async (req, reply) => reply.status(201).send(await lessons.attach(who(req), req.params.id, req.body.recordingId)));

  app.get('/api/research/activities/:id/lessons/:recordingId', {
    config: { access: 'research:read' },
    schema: { tags, summary: '教研课例 / A lesson in its activity: the research lesson page\'s brief', params: LessonParams, response: { 200: LessonBriefSchema } },
  }, async (req) => lessons.brief(req.actor!, req.params.id, req.params.recordingId));

  app.delete('/api/research/activities/:id/lessons/:recordingId', {
    config: { access: 'research:write' },
    schema: { tags, summary: '移除课例 / Detach a lesson (its attacher or the organiser)', params: LessonParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await lessons.detach(who(req), req.params.id, req.params.recordingId);
    return reply.status(204).send(null);
  });

  app.post('/api/research/activities/:id/files', {
    config: { access: 'research:write' },
    schema: {
      tags, summary: '上传教案课件 / Upload a lesson plan or courseware (multipart field file; pdf, Office, images, text; ≤ 20 MB)',
      consumes: ['multipart/form-data'], params: ActivityParams, querystring: FileQuery, response: { 201: ActivityFileSchema },
    },
  }, async (req, reply) => reply.status(201).send(await files.upload(who(req), req.params.id, req.query, await sentFile(req))));

  app.get('/api/research/activities/:id/files/:fileId', {
    config: { access: 'research:read' },
    schema: { tags, summary: '下载资料 / Download a file of an activity', params: FileParams },
  }, async (req, reply) => {
    const f = await files.download(req.actor!, req.params.id, req.params.fileId);
    return sendFile(reply, f);
  });

  app.delete('/api/research/activities/:id/files/:fileId', {
    config: { access: 'research:write' },
    schema: { tags, summary: '删除资料 / Delete a file (its uploader or the organiser)', params: FileParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await files.remove(who(req), req.params.id, req.params.fileId);
    return reply.status(204).send(null);
  });
}
