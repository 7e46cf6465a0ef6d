import { checkExportRequest } from '../../core/engine';
import type { ExportFormat, ExportType } from '../../shared/wire';
import type { CliContext } from '../context';
import { describeRange, jobDetails, jobLine, toView } from '../format';
import { downloadAndVerify, emitResult, waitUntilFinished } from './follow';

export interface CreateOptions {
  type: ExportType;
  format: ExportFormat;
  from: string;
  to: string;
  filter?: Record<string, string>;
  label?: string;
  wait?: boolean;
  download?: string;
  timeout?: number;
}

export async function createCommand(ctx: CliContext, opts: CreateOptions): Promise<void> {
  const request = checkExportRequest({ type: opts.type, format: opts.format, filters: { ...opts.filter, from: opts.from, to: opts.to }, label: opts.label });
  const profile = await ctx.keyedProfile();
  const engine = await ctx.engine();
  const { job, duplicateOf } = await engine.createExport({ ...request, profileId: profile.id });
  ctx.out.line(`Created export ${job.id} (${describeRange(job)}) on profile "${profile.name}".`);
  ctx.out.event('created', { job: toView(job), duplicateOf: duplicateOf?.id ?? null });
  if (duplicateOf) {
    ctx.out.warn(`note: export ${duplicateOf.id} (${duplicateOf.server.status}) already covers the same rows; see \`pxe-exports get ${duplicateOf.id}\`.`);
  }
  let final = job;
  if (opts.wait || opts.download) final = await waitUntilFinished(ctx, engine, job.id, opts.timeout);
  if (opts.download) final = await downloadAndVerify(ctx, engine, final, opts.download);
  emitResult(ctx, final);
}

export async function getCommand(ctx: CliContext, id: string): Promise<void> {
  const engine = await ctx.engine();
  const job = await engine.refresh(id);
  for (const line of jobDetails(job)) ctx.out.line(line);
  emitResult(ctx, job);
}

export async function waitCommand(ctx: CliContext, id: string, opts: { download?: string; timeout?: number }): Promise<void> {
  const engine = await ctx.engine();
  ctx.registry.require(id);
  let job = await waitUntilFinished(ctx, engine, id, opts.timeout);
  if (opts.download) job = await downloadAndVerify(ctx, engine, job, opts.download);
  emitResult(ctx, job);
}

export async function downloadCommand(ctx: CliContext, id: string, opts: { dir?: string }): Promise<void> {
  const engine = await ctx.engine();
  let job = ctx.registry.require(id);
  if (job.server.status === 'PROCESSING') job = await engine.refresh(id);
  job = await downloadAndVerify(ctx, engine, job, opts.dir);
  emitResult(ctx, job);
}

export function jobsCommand(ctx: CliContext): void {
  const profileId = ctx.options.profile || ctx.options.baseUrl ? ctx.profile().id : undefined;
  const jobs = ctx.registry.list({ profileId });
  if (jobs.length === 0) ctx.out.line('No exports recorded by pxe-exports yet.');
  for (const job of jobs) {
    ctx.out.line(jobLine(job));
    ctx.out.event('job', { job: toView(job) });
  }
}
