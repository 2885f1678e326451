// Demo proposals in every state. Submitted in epoch E they are voted in E+1 and evaluated in E+2 (the evaluation
// epoch; later they can only expire), so the seed walks two epochs: at the end one proposal is being paid, one
// completed, one rejected, one failed for lack of votes, one withdrawn, one awaits evaluation, one is in its vote,
// one waits for its vote, one elected an audit manager, and a host node election is in its vote. One more,
// submitted before the staking seed moves the clock a year on, was never evaluated and has expired.
import { parseEther, type Address } from 'viem';
import { treasuryGovernanceAbi } from '../../../contracts-abi/TreasuryGovernance';
import { blockRewardShares } from '../../../lib/devtools/blockRewards';
import type { SeedContext } from './context';
import { describe, type SeedDocument } from './descriptions';

const FOR = 1;
const AGAINST = 2;
const ABSTAIN = 3;

interface FundingDraft {
  author: number;
  title: string;
  body: string;
  payee: number;
  perEpoch: string;
  epochs: number;
}

/** A proposal submitted before the other seeds move the clock: nobody votes on it or evaluates it in time, so
 * `seedGovernance` can show it expired. Call it before `seedStaking`. */
export async function seedEarlyProposal(
  ctx: SeedContext,
  governance: Address,
): Promise<{ id: bigint; document: SeedDocument }> {
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const title = 'Sponsor a Callisto meetup in Lisbon';
  const description = await describe(title, 'Venue and travel for a one-day meetup of Callisto developers.');
  const id = await ctx.publicClient.readContract({ ...g, functionName: 'proposal_count' });
  await ctx.write(8, {
    ...g,
    functionName: 'submit_funding',
    args: [title, description.url, description.hash, ctx.address(8), parseEther('3000'), 1],
    value: await ctx.publicClient.readContract({ ...g, functionName: 'submission_deposit' }),
  });
  ctx.log(`  proposal ${id}: ${title} (will expire)`);
  return { id, document: { owner: 8, title, text: description.text } };
}

/** Returns the proposal descriptions, which the file system seed then stores under their authors' home
 * directories, so their ipfs:// links resolve through the host nodes. `early` (from `seedEarlyProposal`) is
 * expired here, its evaluation epoch long past. */
export async function seedGovernance(
  ctx: SeedContext,
  governance: Address,
  early?: { id: bigint; document: SeedDocument },
): Promise<SeedDocument[]> {
  const documents: SeedDocument[] = early ? [early.document] : [];
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const read = <name extends 'submission_deposit' | 'current_epoch' | 'epoch_length' | 'genesis'>(functionName: name) =>
    ctx.publicClient.readContract({ ...g, functionName });
  const deposit = await read('submission_deposit');
  const toNextEpoch = async () => {
    const [epoch, length, genesis] = await Promise.all([read('current_epoch'), read('epoch_length'), read('genesis')]);
    await ctx.advanceTo(genesis + (epoch + 1n) * length + 60n);
  };

  let nextId = await ctx.publicClient.readContract({ ...g, functionName: 'proposal_count' });
  const submit = async (draft: FundingDraft): Promise<bigint> => {
    const description = await describe(draft.title, draft.body);
    documents.push({ owner: draft.author, title: draft.title, text: description.text });
    await ctx.write(draft.author, {
      ...g,
      functionName: 'submit_funding',
      args: [
        draft.title,
        description.url,
        description.hash,
        ctx.address(draft.payee),
        parseEther(draft.perEpoch),
        draft.epochs,
      ],
      value: deposit,
    });
    ctx.log(`  proposal ${nextId}: ${draft.title}`);
    return nextId++;
  };
  const vote = (voter: number, id: bigint, choice: number) =>
    ctx.write(voter, { ...g, functionName: 'vote', args: [id, choice] });

  // The treasury's share of a few thousand blocks.
  await ctx.credit(governance, blockRewardShares(5_000n).treasury);
  // Nobody evaluated the early proposal in the epoch after its vote: anyone may now expire it.
  if (early) await ctx.write(1, { ...g, functionName: 'expire', args: [early.id] });

  // Epoch E: submissions.
  const paid = await submit({
    author: 6,
    title: 'Wallet support for cold staking V2 dates',
    body: 'Show the claim, withdraw and inactivity dates of every stake in the Callisto wallet.\n\n- three epochs of work\n- paid per epoch',
    payee: 6,
    perEpoch: '20000',
    epochs: 3,
  });
  const completed = await submit({
    author: 7,
    title: 'Translate the staking guide into Spanish',
    body: 'One epoch of translation work for the cold staking guide.',
    payee: 7,
    perEpoch: '5000',
    epochs: 1,
  });
  const rejected = await submit({
    author: 8,
    title: 'Marketing campaign on billboards',
    body: 'Billboards in three capitals for twelve epochs.',
    payee: 8,
    perEpoch: '90000',
    epochs: 12,
  });
  const tooFewVotes = await submit({
    author: 6,
    title: 'Research: light client for Callisto',
    body: 'A feasibility study of a light client.',
    payee: 6,
    perEpoch: '15000',
    epochs: 2,
  });
  const withdrawn = await submit({
    author: 7,
    title: 'Duplicate: translation of the staking guide',
    body: 'Submitted twice by mistake.',
    payee: 7,
    perEpoch: '5000',
    epochs: 1,
  });
  const awaitingEvaluation = await submit({
    author: 8,
    title: 'Audit of the treasury contract',
    body: 'An external review of the treasury contract before it holds large balances.',
    payee: 8,
    perEpoch: '30000',
    epochs: 2,
  });

  // An election: cold stakers appoint an audit manager (the registry's second way in, besides its owner).
  const managerDescription = await describe(
    'Appoint an audit manager for the ETC queue',
    'Account 8 has reviewed contracts for two years and will triage the Ethereum Classic requests.',
  );
  documents.push({ owner: 6, title: 'Appoint an audit manager for the ETC queue', text: managerDescription.text });
  await ctx.write(6, {
    ...g,
    functionName: 'submit_audit_manager_change',
    args: [
      'Appoint an audit manager for the ETC queue',
      managerDescription.url,
      managerDescription.hash,
      ctx.address(8),
      'etc-manager@audits.example',
      true,
    ],
    value: deposit,
  });
  ctx.log(`  proposal ${nextId}: Appoint an audit manager for the ETC queue`);
  const election = nextId++;

  // Epoch E+1: the vote. Stakes: account 2 1,500, 3 2,000, 4 5,000, 5 300 CLO (quorum is 10% of all staked).
  await toNextEpoch();
  await vote(4, paid, FOR);
  await vote(3, paid, AGAINST);
  await vote(4, completed, FOR);
  await vote(2, completed, ABSTAIN);
  await vote(3, rejected, FOR);
  await vote(4, rejected, AGAINST);
  await vote(5, tooFewVotes, FOR);
  await vote(4, awaitingEvaluation, FOR);
  await vote(2, awaitingEvaluation, FOR);
  await vote(4, election, FOR);
  await vote(3, election, FOR);
  await ctx.write(7, { ...g, functionName: 'withdraw', args: [withdrawn] });
  const inVote = await submit({
    author: 6,
    title: 'Host node hardware for the file system',
    body: 'Two servers with 4 TB each for the Callisto File System.',
    payee: 6,
    perEpoch: '25000',
    epochs: 6,
  });

  // A host node candidate asks cold stakers for election and a salary (in its vote when the seed ends).
  const candidate = {
    title: 'Elect a third IPFS host node in Frankfurt',
    body: 'A 4 TB node with a 1 Gbit/s uplink, run by account 7, for the Callisto File System.\n\n- 99.9% uptime\n- salary per epoch',
  };
  const candidateDescription = await describe(candidate.title, candidate.body);
  documents.push({ owner: 7, title: candidate.title, text: candidateDescription.text });
  await ctx.write(7, {
    ...g,
    functionName: 'submit_host_node_election',
    args: [
      candidate.title,
      candidateDescription.url,
      candidateDescription.hash,
      ctx.address(7),
      'https://cfs-frankfurt.callisto.example',
      4_096n,
      parseEther('8000'),
      6,
    ],
    value: deposit,
  });
  ctx.log(`  proposal ${nextId}: ${candidate.title}`);
  const hostNodeElection = nextId++;

  // Epoch E+2: evaluations and the first payments.
  await toNextEpoch();
  for (const id of [paid, completed, rejected, tooFewVotes, election]) {
    await ctx.write(1, { ...g, functionName: 'evaluate', args: [id] });
  }
  await ctx.write(1, { ...g, functionName: 'pay', args: [paid] });
  await ctx.write(1, { ...g, functionName: 'pay', args: [completed] });
  await vote(4, inVote, FOR);
  await vote(5, inVote, AGAINST);
  await vote(3, hostNodeElection, FOR);
  await submit({
    author: 7,
    title: 'Developer grants program',
    body: 'Small grants for tools built on Callisto, decided each epoch.',
    payee: 7,
    perEpoch: '10000',
    epochs: 4,
  });
  return documents;
}
