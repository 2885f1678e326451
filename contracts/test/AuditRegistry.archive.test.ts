// Issue 15 on a real anvil: encryption keys in the audit registry, the envelope CID committed with a report, and
// the archive of revealed `ipfs://<cid>` reports on the Callisto File System (AuditArchive). Each attack the
// design guards against is performed here and must fail with the contract's reason, changing nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeErrorResult,
  encodeFunctionData,
  getAddress,
  keccak256,
  parseEventLogs,
  toHex,
  zeroAddress,
  type Address,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { auditArchiveAbi, auditArchiveBytecode } from '../../contracts-abi/AuditArchive';
import { auditRegistryAbi, auditRegistryBytecode } from '../../contracts-abi/AuditRegistry';
import { callistoFSAbi, callistoFSBytecode } from '../../contracts-abi/CallistoFS';
import { startTestChain, testContract, type TestChain, revertAfterEachTest } from './harness';

const DAY = 86_400n;
const OWNER = 0;
const MANAGER = 1;
const MANAGER2 = 2;
const AUDITOR = 3;
const AUDITOR2 = 4;
const REQUESTER = 5;
const OUTSIDER = 6;
const NODE = 7;

const KEY: Hex = `0x${'11'.repeat(32)}`;
const KEY2: Hex = `0x${'22'.repeat(32)}`;
const ZERO_KEY: Hex = `0x${'00'.repeat(32)}`;
/** A CIDv1 in base32, as `ipfs add --cid-version 1` prints it. */
const PLAIN_CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const ENVELOPE_CID = 'bafkreidgvpkjawlxz6sffxzwgooowe5yt7i6wsyg236mfoks77nywkptdq';
const IPFS_LINK = `ipfs://${PLAIN_CID}`;
const GIST_LINK = 'https://gist.github.com/auditor/abc123';
const REPORT_SIZE = 150_000n;

let chain: TestChain;
let registry: Address;
let fileSystem: Address;
let archive: Address;

const account = (i: number): Address => chain.accounts[i]!.address;
const commitmentOf = (link: string): Hex => keccak256(toHex(link));

type Write = Parameters<TestChain['write']>[1];
type Target = { address: Address; abi: typeof auditRegistryAbi | typeof auditArchiveAbi | typeof callistoFSAbi };
const reg = (): Target => ({ address: registry, abi: auditRegistryAbi });
const arc = (): Target => ({ address: archive, abi: auditArchiveAbi });
const fs = (): Target => ({ address: fileSystem, abi: callistoFSAbi });

async function ok(from: number, to: Target, functionName: string, args: readonly unknown[] = [], value?: bigint) {
  const receipt: TransactionReceipt = await chain.write(from, { ...to, functionName, args, value } as unknown as Write);
  expect(receipt.status, functionName).toBe('success');
  return receipt;
}
const reason = (from: number, to: Target, functionName: string, args: readonly unknown[] = [], value?: bigint) =>
  chain.revertReason(from, { ...to, functionName, args, value } as unknown as Write);
const read = <T>(to: Target, functionName: string, args: readonly unknown[] = []): Promise<T> =>
  chain.publicClient.readContract({ ...to, functionName, args } as never) as Promise<T>;

interface FileView {
  owner: Address;
  cid: string;
  path: string;
  size: bigint;
  deposit: bigint;
  status: number;
}
const FileStatus = { Pending: 0, Counted: 1, Expired: 2, Withdrawn: 3 } as const;

const quote = async (size: bigint) => (await read<readonly [bigint, bigint]>(fs(), 'quote', [size]))[1];
const balance = (address: Address) => chain.publicClient.getBalance({ address });

/** An in-progress request with `auditor`'s signed report committed to `link` (and `envelope`), ready to reveal. */
async function signedReport(link: string, auditor = AUDITOR, envelope = ''): Promise<bigint> {
  const id = await read<bigint>(reg(), 'request_count');
  await ok(REQUESTER, reg(), 'submit_request', [account(OUTSIDER), 820n, 'https://x.example/src', 'A token', 'Sol']);
  await ok(MANAGER, reg(), 'approve', [id]);
  await ok(auditor, reg(), 'submit_report', [id, commitmentOf(link), envelope]);
  await ok(MANAGER, reg(), 'start', [id]);
  await ok(MANAGER, reg(), 'sign_report', [id, account(auditor), 0n]);
  return id;
}

/** Reveals an ipfs:// report paying the quote; returns the archive's file id. */
async function revealArchived(id: bigint, auditor = AUDITOR, by = MANAGER, size = REPORT_SIZE): Promise<bigint> {
  await ok(by, reg(), 'reveal_report', [id, account(auditor), IPFS_LINK, 1024n, size], await quote(size));
  const [stored, fileId] = await read<readonly [boolean, bigint]>(arc(), 'archive_file_of', [id, account(auditor)]);
  expect(stored).toBe(true);
  return fileId;
}

beforeAll(async () => {
  chain = await startTestChain();
  registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
    account(OWNER),
    90n * DAY,
    27n * DAY,
    10n,
    5n,
  ]);
  fileSystem = await chain.deploy(callistoFSAbi, callistoFSBytecode, [account(OWNER), 10n * 10n ** 18n, 10n ** 16n]);
  archive = await chain.deploy(auditArchiveAbi, auditArchiveBytecode, [registry, fileSystem]);
  await ok(OWNER, fs(), 'add_host_node', [account(NODE), 'http://127.0.0.1:5101', 1024n]);
  await ok(OWNER, reg(), 'set_archive', [archive]);
  await ok(OWNER, reg(), 'appoint_manager', [account(MANAGER), 'm1@example.com']);
  await ok(OWNER, reg(), 'appoint_manager', [account(MANAGER2), 'm2@example.com']);
  for (const auditor of [AUDITOR, AUDITOR2]) {
    await ok(MANAGER, reg(), 'nominate_auditor', [account(auditor), `auditor${auditor}@example.com`]);
    await ok(MANAGER2, reg(), 'confirm_auditor', [account(auditor)]);
  }
});

revertAfterEachTest(() => chain);

describe('encryption keys', () => {
  it('lets current managers and auditors publish a key, readable by anyone, with an event', async () => {
    const receipt = await ok(MANAGER, reg(), 'set_encryption_key', [KEY]);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'EncryptionKeySet' });
    expect(event!.args).toEqual({ account: account(MANAGER), public_key: KEY });
    await ok(AUDITOR, reg(), 'set_encryption_key', [KEY2]);
    expect(await read(reg(), 'encryption_key_of', [account(MANAGER)])).toBe(KEY);
    expect(await read(reg(), 'encryption_key_of', [account(AUDITOR)])).toBe(KEY2);
    expect(await read(reg(), 'encryption_key_of', [account(OUTSIDER)])).toBe(ZERO_KEY);
    // A new key replaces the old one (a wallet that signs differently registers again).
    await ok(MANAGER, reg(), 'set_encryption_key', [KEY2]);
    expect(await read(reg(), 'encryption_key_of', [account(MANAGER)])).toBe(KEY2);
  });

  it('refuses a key from an outsider, a requester, a removed auditor or a dismissed manager, and a zero key', async () => {
    const refusal = 'Audits: only a manager or an auditor may set an encryption key';
    expect(await reason(OUTSIDER, reg(), 'set_encryption_key', [KEY])).toBe(refusal);
    expect(await reason(REQUESTER, reg(), 'set_encryption_key', [KEY])).toBe(refusal);
    await ok(MANAGER, reg(), 'remove_auditor', [account(AUDITOR2)]);
    expect(await reason(AUDITOR2, reg(), 'set_encryption_key', [KEY])).toBe(refusal);
    await ok(OWNER, reg(), 'dismiss_manager', [account(MANAGER2)]);
    expect(await reason(MANAGER2, reg(), 'set_encryption_key', [KEY])).toBe(refusal);
    expect(await reason(MANAGER, reg(), 'set_encryption_key', [ZERO_KEY])).toBe('Audits: encryption key is zero');
  });

  it('keeps a dismissed manager’s key readable while is_manager says it is no longer current', async () => {
    await ok(MANAGER2, reg(), 'set_encryption_key', [KEY]);
    await ok(OWNER, reg(), 'dismiss_manager', [account(MANAGER2)]);
    expect(await read(reg(), 'encryption_key_of', [account(MANAGER2)])).toBe(KEY);
    expect(await read(reg(), 'is_manager', [account(MANAGER2)])).toBe(false);
  });
});

describe('the envelope CID committed with a report', () => {
  it('stores the envelope CID in the report and emits it with the commitment', async () => {
    const id = await read<bigint>(reg(), 'request_count');
    await ok(REQUESTER, reg(), 'submit_request', [account(OUTSIDER), 820n, 'https://x.example/src', 'A token', 'Sol']);
    await ok(MANAGER, reg(), 'approve', [id]);
    const receipt = await ok(AUDITOR, reg(), 'submit_report', [id, commitmentOf(IPFS_LINK), ENVELOPE_CID]);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'ReportCommitted' });
    expect(event!.args).toEqual({
      request_id: id,
      auditor: account(AUDITOR),
      commitment: commitmentOf(IPFS_LINK),
      envelope_cid: ENVELOPE_CID,
    });
    const reports = await read<readonly { envelope_cid: string }[]>(reg(), 'get_reports', [id]);
    expect(reports[0]!.envelope_cid).toBe(ENVELOPE_CID);
    // A gist link travels without an envelope: "" is accepted and replaces the envelope of a replaced commitment.
    await ok(AUDITOR, reg(), 'submit_report', [id, commitmentOf(GIST_LINK), '']);
    const replaced = await read<readonly { envelope_cid: string }[]>(reg(), 'get_reports', [id]);
    expect(replaced[0]!.envelope_cid).toBe('');
  });

  it('keeps, replaces and clears the envelope CID as each replacement says (the write is skipped only when nothing changes)', async () => {
    const id = await read<bigint>(reg(), 'request_count');
    await ok(REQUESTER, reg(), 'submit_request', [account(OUTSIDER), 820n, 'https://x.example/src', 'A token', 'Sol']);
    await ok(MANAGER, reg(), 'approve', [id]);
    const envelopeOf = async (auditor: number) => {
      const reports = await read<readonly { auditor: Address; envelope_cid: string }[]>(reg(), 'get_reports', [id]);
      return reports.find((r) => r.auditor === account(auditor))!.envelope_cid;
    };
    // A first commitment without an envelope reads "", with one reads it back.
    await ok(AUDITOR, reg(), 'submit_report', [id, commitmentOf(`${GIST_LINK}#1`), '']);
    expect(await envelopeOf(AUDITOR)).toBe('');
    await ok(AUDITOR2, reg(), 'submit_report', [id, commitmentOf(`${GIST_LINK}#2`), ENVELOPE_CID]);
    expect(await envelopeOf(AUDITOR2)).toBe(ENVELOPE_CID);
    // "" over "" stays ""; the same CID again stays; another CID replaces it; "" clears the long CID completely.
    await ok(AUDITOR, reg(), 'submit_report', [id, commitmentOf(`${GIST_LINK}#3`), '']);
    expect(await envelopeOf(AUDITOR)).toBe('');
    await ok(AUDITOR2, reg(), 'submit_report', [id, commitmentOf(`${GIST_LINK}#4`), ENVELOPE_CID]);
    expect(await envelopeOf(AUDITOR2)).toBe(ENVELOPE_CID);
    await ok(AUDITOR2, reg(), 'submit_report', [id, commitmentOf(`${GIST_LINK}#5`), PLAIN_CID]);
    expect(await envelopeOf(AUDITOR2)).toBe(PLAIN_CID);
    await ok(AUDITOR2, reg(), 'submit_report', [id, commitmentOf(`${GIST_LINK}#6`), '']);
    expect(await envelopeOf(AUDITOR2)).toBe('');
    // A short CID after the cleared one: no byte of the old 59-byte CID survives in the string's slots.
    await ok(AUDITOR2, reg(), 'submit_report', [id, commitmentOf(`${GIST_LINK}#7`), 'bafk']);
    expect(await envelopeOf(AUDITOR2)).toBe('bafk');
    await ok(AUDITOR, reg(), 'submit_report', [id, commitmentOf(`${GIST_LINK}#8`), ENVELOPE_CID]);
    expect(await envelopeOf(AUDITOR)).toBe(ENVELOPE_CID);
  });

  it.each([
    ['a CIDv0', 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG'],
    ['an uppercase base32 CID', PLAIN_CID.toUpperCase()],
    ['a CID with a path', `${ENVELOPE_CID}/report.md`],
    ['an ipfs:// link instead of a CID', `ipfs://${ENVELOPE_CID}`],
    ['a CID longer than 100 bytes', `b${'a'.repeat(100)}`],
    ['a right-to-left override in the CID', `bafk\u202Ereid`],
  ])('refuses an envelope CID that is not a CID: %s', async (_, cid) => {
    const id = await read<bigint>(reg(), 'request_count');
    await ok(REQUESTER, reg(), 'submit_request', [account(OUTSIDER), 820n, 'https://x.example/src', 'A token', 'Sol']);
    await ok(MANAGER, reg(), 'approve', [id]);
    expect(await reason(AUDITOR, reg(), 'submit_report', [id, commitmentOf(IPFS_LINK), cid])).toBe(
      'Audits: the envelope CID must be a CIDv1 in base32 (b...), at most 100 bytes',
    );
    expect(await read(reg(), 'commitment_used', [commitmentOf(IPFS_LINK)])).toBe(false);
  });
});

describe('archive on reveal', () => {
  it('stores an ipfs:// report as the archive’s own file, paid by the revealing manager, in the reveal itself', async () => {
    const id = await signedReport(IPFS_LINK);
    const deposit = await quote(REPORT_SIZE);
    const before = await balance(account(MANAGER));
    const receipt = await ok(
      MANAGER,
      reg(),
      'reveal_report',
      [id, account(AUDITOR), IPFS_LINK, 1024n, REPORT_SIZE],
      deposit,
    );
    const [archived] = parseEventLogs({ abi: auditArchiveAbi, logs: receipt.logs, eventName: 'ReportArchived' });
    expect(archived!.args).toMatchObject({
      request_id: id,
      auditor: account(AUDITOR),
      paid_by: account(MANAGER),
      deposit,
    });
    const fileId = archived!.args.file_id;
    const file = await read<FileView>(fs(), 'file', [fileId]);
    expect(file).toMatchObject({
      owner: getAddress(archive),
      cid: PLAIN_CID,
      path: `audits/${id}/${account(AUDITOR).toLowerCase()}.report`,
      size: REPORT_SIZE,
      deposit,
      status: FileStatus.Pending,
    });
    expect(await read(arc(), 'archive_file_of', [id, account(AUDITOR)])).toEqual([true, fileId]);
    expect(await read(arc(), 'archive_of', [id, account(AUDITOR)])).toEqual({
      stored: true,
      file_id: fileId,
      paid_by: account(MANAGER),
    });
    const gas = receipt.gasUsed * receipt.effectiveGasPrice;
    expect(before - (await balance(account(MANAGER)))).toBe(deposit + gas);
    expect(await balance(archive)).toBe(0n);
  });

  it('a manager (the payer included) cannot withdraw the archive copy, nor release it while it waits or once confirmed', async () => {
    const id = await signedReport(IPFS_LINK);
    const fileId = await revealArchived(id);
    expect(await reason(MANAGER, fs(), 'withdraw', [fileId])).toBe('CallistoFS: not the owner of the file');
    expect(await reason(OWNER, fs(), 'withdraw', [fileId])).toBe('CallistoFS: not the owner of the file');
    const waiting = 'AuditArchive: the copy is stored, or still within its day for a host node to confirm it';
    expect(await reason(MANAGER, arc(), 'release', [id, account(AUDITOR)])).toBe(waiting);
    await ok(NODE, fs(), 'confirm', [fileId]);
    await chain.increaseTime(2n * DAY);
    expect(await reason(MANAGER, arc(), 'release', [id, account(AUDITOR)])).toBe(waiting);
    expect(await reason(OUTSIDER, arc(), 'release', [id, account(AUDITOR)])).toBe(waiting);
    expect((await read<FileView>(fs(), 'file', [fileId])).status).toBe(FileStatus.Counted);
  });

  it('refuses a reveal whose plaintext link does not hash to the commitment, and stores nothing', async () => {
    const id = await signedReport(IPFS_LINK);
    const other = `ipfs://${ENVELOPE_CID}`;
    const files = await read<bigint>(fs(), 'file_count');
    expect(
      await reason(
        MANAGER,
        reg(),
        'reveal_report',
        [id, account(AUDITOR), other, 1024n, REPORT_SIZE],
        await quote(REPORT_SIZE),
      ),
    ).toBe('Audits: the link does not match the commitment');
    expect(await read(fs(), 'file_count')).toBe(files);
  });

  it('refuses a reveal paying less than the quote, and reveals nothing', async () => {
    const id = await signedReport(IPFS_LINK);
    const deposit = await quote(REPORT_SIZE);
    expect(
      await reason(
        MANAGER,
        reg(),
        'reveal_report',
        [id, account(AUDITOR), IPFS_LINK, 1024n, REPORT_SIZE],
        deposit - 1n,
      ),
    ).toBe('CallistoFS: deposit below the quote');
    expect(await reason(MANAGER, reg(), 'reveal_report', [id, account(AUDITOR), IPFS_LINK, 1024n, 0n], deposit)).toBe(
      'CallistoFS: file is empty',
    );
    const reports = await read<readonly { revealed: boolean }[]>(reg(), 'get_reports', [id]);
    expect(reports[0]!.revealed).toBe(false);
  });

  it('reveals a gist link with no archive, and refuses CLO or a size sent with it', async () => {
    const id = await signedReport(GIST_LINK);
    const refusal = 'Audits: only an ipfs:// report link is archived: send no size and no CLO';
    expect(await reason(MANAGER, reg(), 'reveal_report', [id, account(AUDITOR), GIST_LINK, 1024n, 0n], 1n)).toBe(
      refusal,
    );
    expect(await reason(MANAGER, reg(), 'reveal_report', [id, account(AUDITOR), GIST_LINK, 1024n, 10n])).toBe(refusal);
    const files = await read<bigint>(fs(), 'file_count');
    await ok(MANAGER, reg(), 'reveal_report', [id, account(AUDITOR), GIST_LINK, 1024n, 0n]);
    expect(await read(fs(), 'file_count')).toBe(files);
    expect(await read(arc(), 'archive_file_of', [id, account(AUDITOR)])).toEqual([false, 0n]);
  });

  it('reveals an ipfs:// link with a path as a plain link (no bare CID to archive)', async () => {
    const link = `${IPFS_LINK}/report.md`;
    const id = await signedReport(link);
    await ok(MANAGER, reg(), 'reveal_report', [id, account(AUDITOR), link, 1024n, 0n]);
    expect(await read(arc(), 'archive_file_of', [id, account(AUDITOR)])).toEqual([false, 0n]);
    expect(await reason(MANAGER, arc(), 'store_again', [id, account(AUDITOR), REPORT_SIZE], 10n ** 18n)).toBe(
      'AuditArchive: only an ipfs://<cid> report link is archived',
    );
  });
});

describe('an archive upload no host node confirms', () => {
  it('is released by anyone after its day, refunds the paying manager exactly, and can be stored again', async () => {
    const id = await signedReport(IPFS_LINK);
    const deposit = await quote(REPORT_SIZE);
    const fileId = await revealArchived(id);
    await chain.increaseTime(DAY + 1n);
    const receipt = await ok(OUTSIDER, arc(), 'release', [id, account(AUDITOR)]);
    const [released] = parseEventLogs({ abi: auditArchiveAbi, logs: receipt.logs, eventName: 'ArchiveReleased' });
    expect(released!.args).toMatchObject({ file_id: fileId, paid_by: account(MANAGER), refund: deposit });
    expect(await read(arc(), 'refund_of', [account(MANAGER)])).toBe(deposit);
    expect(await read(arc(), 'refunds_owed')).toBe(deposit);
    expect(await balance(archive)).toBe(deposit);
    expect(await read(arc(), 'archive_file_of', [id, account(AUDITOR)])).toEqual([false, 0n]);
    expect(await reason(OUTSIDER, arc(), 'release', [id, account(AUDITOR)])).toBe(
      'AuditArchive: the report has no archive copy',
    );

    // Only the payer takes the refund, once.
    expect(await reason(OUTSIDER, arc(), 'withdraw_refund')).toBe('AuditArchive: no refund is owed to you');
    const before = await balance(account(MANAGER));
    const paid = await ok(MANAGER, arc(), 'withdraw_refund');
    expect((await balance(account(MANAGER))) - before).toBe(deposit - paid.gasUsed * paid.effectiveGasPrice);
    expect(await balance(archive)).toBe(0n);
    expect(await read(arc(), 'refunds_owed')).toBe(0n);
    expect(await reason(MANAGER, arc(), 'withdraw_refund')).toBe('AuditArchive: no refund is owed to you');

    // Another manager stores it again; an outsider cannot; a second copy while one is stored is refused.
    expect(await reason(OUTSIDER, arc(), 'store_again', [id, account(AUDITOR), REPORT_SIZE], deposit)).toBe(
      'AuditArchive: only a manager may do this',
    );
    await ok(MANAGER2, arc(), 'store_again', [id, account(AUDITOR), REPORT_SIZE], await quote(REPORT_SIZE));
    const again = await read<readonly [boolean, bigint]>(arc(), 'archive_file_of', [id, account(AUDITOR)]);
    expect(again[0]).toBe(true);
    expect(again[1]).not.toBe(fileId);
    expect((await read<FileView>(fs(), 'file', [again[1]])).path).toBe(
      `audits/${id}/${account(AUDITOR).toLowerCase()}.report`,
    );
    expect(await reason(MANAGER, arc(), 'store_again', [id, account(AUDITOR), REPORT_SIZE], deposit)).toBe(
      'AuditArchive: the report is already archived',
    );
  });

  it('after a node loss: the upload waits unconfirmed, is released after its day, and is stored again on a new node', async () => {
    const id = await signedReport(IPFS_LINK);
    const deposit = await quote(REPORT_SIZE);
    const fileId = await revealArchived(id);
    // The only host node leaves before confirming: nothing can store or confirm the report meanwhile.
    await ok(OWNER, fs(), 'remove_host_node', [account(NODE)]);
    expect(await reason(NODE, fs(), 'confirm', [fileId])).toBe('CallistoFS: not an elected host node');
    const waiting = 'AuditArchive: the copy is stored, or still within its day for a host node to confirm it';
    expect(await reason(OUTSIDER, arc(), 'release', [id, account(AUDITOR)])).toBe(waiting);
    await chain.increaseTime(DAY + 1n);
    await ok(OUTSIDER, arc(), 'release', [id, account(AUDITOR)]);
    expect(await read(arc(), 'refund_of', [account(MANAGER)])).toBe(deposit);
    // With no node elected the file system takes no upload, so a store again fails and leaves no trace ...
    expect(await reason(MANAGER2, arc(), 'store_again', [id, account(AUDITOR), REPORT_SIZE], deposit)).toBe(
      'CallistoFS: no host node is elected',
    );
    expect(await read(arc(), 'archive_file_of', [id, account(AUDITOR)])).toEqual([false, 0n]);
    // A reveal needs its copy too (SECURITY.md, residuals): another ipfs:// report cannot be revealed meanwhile.
    const other = `ipfs://${ENVELOPE_CID}`;
    const waitingReport = await signedReport(other, AUDITOR2);
    expect(
      await reason(
        MANAGER,
        reg(),
        'reveal_report',
        [waitingReport, account(AUDITOR2), other, 1024n, REPORT_SIZE],
        deposit,
      ),
    ).toBe('CallistoFS: no host node is elected');
    expect((await read<readonly { revealed: boolean }[]>(reg(), 'get_reports', [waitingReport]))[0]!.revealed).toBe(
      false,
    );
    // ... and once a node is elected again the report is stored at the same path and confirmed for good.
    await ok(OWNER, fs(), 'add_host_node', [account(OUTSIDER), 'http://127.0.0.1:5102', 1024n]);
    await ok(MANAGER2, arc(), 'store_again', [id, account(AUDITOR), REPORT_SIZE], await quote(REPORT_SIZE));
    const [stored, again] = await read<readonly [boolean, bigint]>(arc(), 'archive_file_of', [id, account(AUDITOR)]);
    expect(stored).toBe(true);
    await ok(OUTSIDER, fs(), 'confirm', [again]);
    await chain.increaseTime(2n * DAY);
    expect(await reason(OUTSIDER, arc(), 'release', [id, account(AUDITOR)])).toBe(waiting);
    expect((await read<FileView>(fs(), 'file', [again])).status).toBe(FileStatus.Counted);
    // The first payer's refund is untouched by all of this.
    expect(await read(arc(), 'refund_of', [account(MANAGER)])).toBe(deposit);
    expect(await balance(archive)).toBe(deposit);
  });

  it('a payer that refuses CLO blocks neither the release nor anyone else’s refund; its own refund stays owed', async () => {
    const { abi: actorAbi, bytecode: actorBytecode } = testContract('HostileActor');
    const hostile = await chain.deploy(actorAbi, actorBytecode, []);
    const asHostile = async (to: Target, functionName: string, args: readonly unknown[], value = 0n) =>
      chain.write(OWNER, {
        address: hostile,
        abi: actorAbi,
        functionName: 'exec',
        args: [to.address, encodeFunctionData({ abi: to.abi, functionName, args } as never)],
        value,
      } as unknown as Write);
    await chain.write(OWNER, {
      address: hostile,
      abi: actorAbi,
      functionName: 'configure',
      args: [archive, '0x', true],
    } as unknown as Write);
    await ok(OWNER, reg(), 'appoint_manager', [hostile, 'refuses-clo@example.com']);
    // The refusing manager reveals one report and an honest manager another; neither copy is confirmed.
    const first = await signedReport(IPFS_LINK);
    const deposit = await quote(REPORT_SIZE);
    const revealed = await asHostile(
      reg(),
      'reveal_report',
      [first, account(AUDITOR), IPFS_LINK, 1024n, REPORT_SIZE],
      deposit,
    );
    expect(revealed.status).toBe('success');
    const second = await signedReport(`ipfs://${ENVELOPE_CID}`, AUDITOR2);
    const honestDeposit = await quote(REPORT_SIZE);
    await ok(
      MANAGER,
      reg(),
      'reveal_report',
      [second, account(AUDITOR2), `ipfs://${ENVELOPE_CID}`, 1024n, REPORT_SIZE],
      honestDeposit,
    );
    await chain.increaseTime(DAY + 1n);
    // Release needs nothing from the payer: the deposit comes back to the archive and is owed, not pushed.
    await ok(OUTSIDER, arc(), 'release', [first, account(AUDITOR)]);
    await ok(OUTSIDER, arc(), 'release', [second, account(AUDITOR2)]);
    expect(await read(arc(), 'refund_of', [hostile])).toBe(deposit);
    // Its refund cannot be paid while it refuses CLO, and stays owed; the honest manager is paid in full.
    expect(
      await reason(OWNER, { address: hostile, abi: actorAbi } as never, 'exec', [
        archive,
        encodeFunctionData({ abi: auditArchiveAbi, functionName: 'withdraw_refund' }),
      ]),
    ).toBe('AuditArchive: transfer failed');
    await ok(MANAGER, arc(), 'withdraw_refund');
    expect(await read(arc(), 'refund_of', [hostile])).toBe(deposit);
    expect(await read(arc(), 'refunds_owed')).toBe(deposit);
    expect(await balance(archive)).toBe(deposit);
    // Another manager stores the refused payer's report again.
    await ok(MANAGER2, arc(), 'store_again', [first, account(AUDITOR), REPORT_SIZE], await quote(REPORT_SIZE));
    expect((await read<readonly [boolean, bigint]>(arc(), 'archive_file_of', [first, account(AUDITOR)]))[0]).toBe(true);
  });

  it('is released too after a host node released it as expired', async () => {
    const id = await signedReport(IPFS_LINK);
    const fileId = await revealArchived(id);
    await chain.increaseTime(DAY + 1n);
    await ok(NODE, fs(), 'release_expired', [[fileId]]);
    await ok(OUTSIDER, arc(), 'release', [id, account(AUDITOR)]);
    expect((await read<FileView>(fs(), 'file', [fileId])).status).toBe(FileStatus.Withdrawn);
  });

  it('cannot be stored for a report not revealed, and takes CLO only from the registry or the file system', async () => {
    const id = await signedReport(IPFS_LINK);
    expect(await reason(MANAGER, arc(), 'store_again', [id, account(AUDITOR), REPORT_SIZE], 10n ** 18n)).toBe(
      'AuditArchive: the report is not revealed',
    );
    expect(
      await reason(MANAGER, arc(), 'store', [id, account(AUDITOR), account(MANAGER), REPORT_SIZE], 10n ** 18n),
    ).toBe('AuditArchive: only the registry stores at reveal');
    const plain = await chain
      .wallet(OUTSIDER)
      .sendTransaction({ to: archive, value: 1n })
      .catch((e: Error) => e);
    expect(String(plain)).toContain('AuditArchive: send no CLO here');
  });
});

describe('binding the archive', () => {
  it('is the owner’s, once, and only to an archive built for this registry', async () => {
    const fresh = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      account(OWNER),
      90n * DAY,
      27n * DAY,
      10n,
      5n,
    ]);
    const freshReg: Target = { address: fresh, abi: auditRegistryAbi };
    expect(await read(freshReg, 'archive')).toBe(zeroAddress);
    expect(await reason(MANAGER, freshReg, 'set_archive', [archive])).toBe('Audits: only the owner may do this');
    expect(await reason(OWNER, freshReg, 'set_archive', [archive])).toBe(
      'Audits: that archive is for another registry',
    );
    const own = await chain.deploy(auditArchiveAbi, auditArchiveBytecode, [fresh, fileSystem]);
    await ok(OWNER, freshReg, 'set_archive', [own]);
    expect(await reason(OWNER, freshReg, 'set_archive', [own])).toBe('Audits: the archive is already set');
    expect(await reason(OWNER, reg(), 'set_archive', [archive])).toBe('Audits: the archive is already set');
  });

  it('reveals ipfs:// links with no archive while none is set, and stores them later', async () => {
    const fresh = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      account(OWNER),
      90n * DAY,
      27n * DAY,
      10n,
      5n,
    ]);
    const freshReg: Target = { address: fresh, abi: auditRegistryAbi };
    await ok(OWNER, freshReg, 'appoint_manager', [account(MANAGER), 'm1']);
    await ok(OWNER, freshReg, 'appoint_manager', [account(MANAGER2), 'm2']);
    await ok(MANAGER, freshReg, 'nominate_auditor', [account(AUDITOR), 'a']);
    await ok(MANAGER2, freshReg, 'confirm_auditor', [account(AUDITOR)]);
    await ok(REQUESTER, freshReg, 'submit_request', [account(OUTSIDER), 820n, 'https://x.example/s', 'A token', 'Sol']);
    await ok(MANAGER, freshReg, 'approve', [0n]);
    await ok(AUDITOR, freshReg, 'submit_report', [0n, commitmentOf(IPFS_LINK), '']);
    await ok(MANAGER, freshReg, 'start', [0n]);
    await ok(MANAGER, freshReg, 'sign_report', [0n, account(AUDITOR), 0n]);
    await ok(MANAGER, freshReg, 'reveal_report', [0n, account(AUDITOR), IPFS_LINK, 1024n, 0n]);
    const own = await chain.deploy(auditArchiveAbi, auditArchiveBytecode, [fresh, fileSystem]);
    await ok(OWNER, freshReg, 'set_archive', [own]);
    const ownArc: Target = { address: own, abi: auditArchiveAbi };
    await ok(MANAGER2, ownArc, 'store_again', [0n, account(AUDITOR), REPORT_SIZE], await quote(REPORT_SIZE));
    expect((await read<readonly [boolean, bigint]>(ownArc, 'archive_file_of', [0n, account(AUDITOR)]))[0]).toBe(true);
  });
});

describe('re-entrancy through the file system', () => {
  const { abi: hostileFsAbi, bytecode: hostileFsBytecode } = testContract('ReentrantFileSystem');

  /** A registry whose archive talks to a hostile file system that re-enters `target` with `data`. */
  async function hostileSetup() {
    const hostileFs = await chain.deploy(hostileFsAbi, hostileFsBytecode, []);
    const fresh = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      account(OWNER),
      90n * DAY,
      27n * DAY,
      10n,
      5n,
    ]);
    const own = await chain.deploy(auditArchiveAbi, auditArchiveBytecode, [fresh, hostileFs]);
    const freshReg: Target = { address: fresh, abi: auditRegistryAbi };
    await ok(OWNER, freshReg, 'set_archive', [own]);
    await ok(OWNER, freshReg, 'appoint_manager', [account(MANAGER), 'm1']);
    await ok(OWNER, freshReg, 'appoint_manager', [account(MANAGER2), 'm2']);
    await ok(MANAGER, freshReg, 'nominate_auditor', [account(AUDITOR), 'a']);
    await ok(MANAGER2, freshReg, 'confirm_auditor', [account(AUDITOR)]);
    for (const [i, link] of [IPFS_LINK, `ipfs://${ENVELOPE_CID}`].entries()) {
      await ok(REQUESTER, freshReg, 'submit_request', [account(OUTSIDER), 820n, 'https://x.example/s', 'T', 'Sol']);
      await ok(MANAGER, freshReg, 'approve', [BigInt(i)]);
      await ok(AUDITOR, freshReg, 'submit_report', [BigInt(i), commitmentOf(link), '']);
      await ok(MANAGER, freshReg, 'start', [BigInt(i)]);
      await ok(MANAGER, freshReg, 'sign_report', [BigInt(i), account(AUDITOR), 0n]);
    }
    const hostile = { address: hostileFs, abi: hostileFsAbi };
    const configure = (target: Address, data: Hex) =>
      chain.write(0, { ...hostile, functionName: 'configure', args: [target, data] } as unknown as Write);
    const failure = async () => {
      const ret = (await chain.publicClient.readContract({ ...hostile, functionName: 'last_failure' })) as Hex;
      return decodeErrorResult({ abi: [], data: ret }).args?.[0];
    };
    const failed = async () =>
      (await chain.publicClient.readContract({ ...hostile, functionName: 'failed_reentries' })) as bigint;
    return { freshReg, ownArc: { address: own, abi: auditArchiveAbi } as Target, own, configure, failure, failed };
  }

  it('a re-entry during the archive upload into the registry’s reveal or the archive fails; the reveal stands once', async () => {
    const { freshReg, ownArc, configure, failure, failed } = await hostileSetup();
    // The file system, called by the archive inside reveal_report, tries to reveal the other report.
    await configure(
      freshReg.address,
      encodeFunctionData({
        abi: auditRegistryAbi,
        functionName: 'reveal_report',
        args: [1n, account(AUDITOR), `ipfs://${ENVELOPE_CID}`, 1024n, 1n],
      }),
    );
    await ok(MANAGER, freshReg, 'reveal_report', [0n, account(AUDITOR), IPFS_LINK, 1024n, 1n], 1000n);
    expect(await failed()).toBe(1n);
    expect(await failure()).toBe('Audits: reentrant call');
    const reports = await read<readonly { revealed: boolean }[]>(freshReg, 'get_reports', [1n]);
    expect(reports[0]!.revealed).toBe(false);
    expect((await read<{ stored: boolean }>(ownArc, 'archive_of', [0n, account(AUDITOR)])).stored).toBe(true);
  });

  it('a re-entry during the refund into release or withdraw_refund fails: the deposit is owed once', async () => {
    const { freshReg, ownArc, own, configure, failure, failed } = await hostileSetup();
    await ok(MANAGER, freshReg, 'reveal_report', [0n, account(AUDITOR), IPFS_LINK, 1024n, 1n], 1000n);
    for (const functionName of ['release', 'withdraw_refund'] as const) {
      const data =
        functionName === 'release'
          ? encodeFunctionData({ abi: auditArchiveAbi, functionName, args: [0n, account(AUDITOR)] })
          : encodeFunctionData({ abi: auditArchiveAbi, functionName });
      await configure(own, data);
      const before = await failed();
      // The hostile file system reports the upload expired and re-enters during withdraw.
      const snapshot = await chain.testClient.snapshot();
      await ok(OUTSIDER, ownArc, 'release', [0n, account(AUDITOR)]);
      expect(await failed()).toBe(before + 1n);
      expect(await failure()).toBe('AuditArchive: reentrant call');
      expect(await read(ownArc, 'refund_of', [account(MANAGER)])).toBe(1000n);
      expect(await read(ownArc, 'refunds_owed')).toBe(1000n);
      expect(await balance(own)).toBe(1000n);
      await chain.testClient.revert({ id: snapshot });
    }
  });
});
