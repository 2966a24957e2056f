import { type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A resource's page answers at most this many comments (the newest); `total` says how many there are. */
export const COMMENTS_SHOWN = 200;
/** My favourites and my preparations: the newest this many. */
export const MINE_LIMIT = 500;
export const COMMENT_MAX = 2000;

export const ResourceParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const CommentParams = Type.Object({ id: Type.Integer({ minimum: 1 }), commentId: Type.Integer({ minimum: 1 }) });

export const UseBody = Type.Object({
  kind: Type.Union([Type.Literal('view'), Type.Literal('prepare')], {
    description: 'view: the resource was opened (once per page visit); prepare: “used in my lesson preparation”. Downloads are kept by the file route',
  }),
  activityId: Type.Optional(Type.Integer({ minimum: 1, description: 'For prepare: the research activity (集体备课) the preparation was for; the actor must reach it' })),
}, { additionalProperties: false });

export const UseResult = Type.Object({
  /** false: not kept again (a reload within 30 minutes, the same preparation today, or a resource not yet published). */
  kept: Type.Boolean(),
});

export const RatingBody = Type.Object({
  stars: Type.Integer({ minimum: 1, maximum: 5, description: 'One to five stars; a new rating replaces the person\'s earlier one' }),
}, { additionalProperties: false });

export const CommentBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: COMMENT_MAX, description: 'The comment (plain text, line breaks kept)' }),
}, { additionalProperties: false });

export const EngagementSchema = Type.Object({
  resourceId: Type.Integer(),
  /** Kept uses by kind (a reload within 30 minutes is one view). */
  views: Type.Integer(),
  downloads: Type.Integer(),
  preparations: Type.Integer(),
  favourites: Type.Integer(),
  rating: Type.Object({ average: Nullable(Type.Number()), count: Type.Integer() }),
  comments: Type.Integer(),
  /** Whether the resource is published (engagement is taken on published resources only). */
  published: Type.Boolean(),
  mine: Type.Object({ favourite: Type.Boolean(), stars: Nullable(Type.Integer()), preparations: Type.Integer() }),
});

export const CommentSchema = Type.Object({
  id: Type.Integer(),
  body: Type.String(),
  author: Type.Object({ userId: Type.Integer(), name: Type.String() }),
  createdAt: Type.String(),
  canDelete: Type.Boolean(),
});

export const CommentListSchema = Type.Object({
  resourceId: Type.Integer(),
  /** Comments not deleted; `items` holds the newest COMMENTS_SHOWN of them. */
  total: Type.Integer(),
  items: Type.Array(CommentSchema),
});

const ResourceRef = {
  resourceId: Type.Integer(),
  title: Type.String(),
  kind: Type.String(),
  subject: Type.String(),
  grade: Type.String(),
  feature: Nullable(Type.String()),
  visibleScope: Nullable(Type.String()),
};

export const FavouriteListSchema = Type.Object({
  items: Type.Array(Type.Object({ ...ResourceRef, at: Type.String() })),
});

export const PreparationListSchema = Type.Object({
  items: Type.Array(Type.Object({ ...ResourceRef, activityId: Nullable(Type.Integer()), at: Type.String() })),
});
