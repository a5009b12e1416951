export type ReportAudience = 'internal' | 'client';
export type ReportArtifactKind = 'csv' | 'xlsx' | 'zip' | 'chart';
export type ReportArtifactSpec = {
  readonly organisationId: string;
  readonly clientId: string;
  /** Set for a project report: its files cover that project's lines only; absent, the whole client. */
  readonly projectId?: string | undefined;
  /** Incurred dates, both ends included (client timezone). */
  readonly from: string;
  readonly through: string;
  readonly audience: ReportAudience;
  readonly locale: 'en' | 'zh-CN';
};
export interface ReportLinks {
  /** Unguessable, expiring URLs under PUBLIC_URL, one per kind asked for. */
  linksFor(
    spec: ReportArtifactSpec,
    kinds: readonly ReportArtifactKind[],
  ): Promise<Readonly<Record<ReportArtifactKind, string>>>;
}
