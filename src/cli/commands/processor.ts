import type { Processor, UpdateProcessorRequest } from '../../shared/wire';
import { checkProcessorPatch } from '../../core/engine';
import type { CliContext } from '../context';

export interface ProcessorSetOptions {
  enabled?: boolean;
  maxConcurrentJobs?: number;
  retentionDays?: number;
}

export async function processorGetCommand(ctx: CliContext): Promise<void> {
  const profile = await ctx.keyedProfile();
  const engine = await ctx.engine();
  show(ctx, await engine.getProcessor(profile.id));
}

/** Bounds are checked before the profile, the keychain or the network are touched. */
export async function processorSetCommand(ctx: CliContext, opts: ProcessorSetOptions): Promise<void> {
  const config = {
    ...(opts.maxConcurrentJobs !== undefined ? { maxConcurrentJobs: opts.maxConcurrentJobs } : {}),
    ...(opts.retentionDays !== undefined ? { retentionDays: opts.retentionDays } : {}),
  };
  const patch: UpdateProcessorRequest = checkProcessorPatch({
    ...(opts.enabled !== undefined ? { enabled: opts.enabled } : {}),
    ...(Object.keys(config).length ? { config } : {}),
  });
  const profile = await ctx.keyedProfile();
  const engine = await ctx.engine();
  show(ctx, await engine.updateProcessor(profile.id, patch));
}

function show(ctx: CliContext, processor: Processor): void {
  ctx.out.line(`enabled              ${processor.enabled}`);
  ctx.out.line(`max concurrent jobs  ${processor.config.maxConcurrentJobs}`);
  ctx.out.line(`retention days       ${processor.config.retentionDays}`);
  ctx.out.line(`updated              ${processor.updatedAt}`);
  ctx.out.event('result', { processor: { enabled: processor.enabled, config: { ...processor.config }, updatedAt: processor.updatedAt } });
}
