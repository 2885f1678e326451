// The file system contract's records as viem decodes them, derived from the compiled ABI: when the contract's
// struct changes, every use of these types is checked against the new shape. Never written out by hand.
import type { ContractFunctionReturnType } from 'viem';
import type { callistoFSAbi } from '../../contracts-abi/CallistoFS';

type FileSystemAbi = typeof callistoFSAbi;

/** `totals()`: counted and pending bytes, capacity, held deposits, file and node counts, the price parameters. */
export type StorageTotals = ContractFunctionReturnType<FileSystemAbi, 'view', 'totals'>;

/** `file(id)`: owner, CID, path, size, deposit, dates, confirmations and status (0 pending, 1 counted, 2 expired,
 * 3 withdrawn). */
export type FileEntry = ContractFunctionReturnType<FileSystemAbi, 'view', 'file'>;

/** One entry of `host_nodes()`: the node's address, endpoint, capacity in MB, election time and confirmed files. */
export type HostNode = ContractFunctionReturnType<FileSystemAbi, 'view', 'host_nodes'>[number];

/** `files_of(owner, offset, limit)`: a page of the owner's files, newest first, and how many the owner has. */
export type FilesOfPage = ContractFunctionReturnType<FileSystemAbi, 'view', 'files_of'>;
