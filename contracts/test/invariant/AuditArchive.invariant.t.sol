// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AuditArchive} from "../../AuditArchive.sol";
import {AuditRegistry} from "../../AuditRegistry.sol";
import {CallistoFS} from "../../CallistoFS.sol";
import {InvariantTest} from "./Vm.sol";
import {AuditArchiveHandler, ArchiveActor} from "./AuditArchiveHandler.sol";

/// @notice Invariants of the audit archive (with the real registry and file system behind it) under random sequences
/// of reveals, stores again, confirmations, node losses, releases, refunds to payers that take, refuse or re-enter
/// them, and attacks (AuditArchiveHandler): its money is exactly the refunds it owes, no deposit is paid out twice, a
/// confirmed copy stays stored, and the archive holds only what the registry lists.
contract AuditArchiveInvariants is InvariantTest {
    AuditArchiveHandler internal handler;
    AuditArchive internal archive;
    AuditRegistry internal registry;
    CallistoFS internal fs;

    function setUp() public {
        handler = new AuditArchiveHandler();
        archive = handler.archive();
        registry = handler.registry();
        fs = handler.fs();
        bytes4[] memory selectors = new bytes4[](18);
        // Reveals three times as likely as another step, so that sequences have reports to store, confirm and release.
        selectors[0] = AuditArchiveHandler.reveal.selector;
        selectors[1] = AuditArchiveHandler.reveal.selector;
        selectors[2] = AuditArchiveHandler.reveal.selector;
        selectors[3] = AuditArchiveHandler.store_again.selector;
        selectors[4] = AuditArchiveHandler.store_again.selector;
        selectors[5] = AuditArchiveHandler.confirm.selector;
        selectors[6] = AuditArchiveHandler.release_expired.selector;
        selectors[7] = AuditArchiveHandler.release.selector;
        selectors[8] = AuditArchiveHandler.release.selector;
        selectors[9] = AuditArchiveHandler.withdraw_refund.selector;
        selectors[10] = AuditArchiveHandler.withdraw_archive_file.selector;
        selectors[11] = AuditArchiveHandler.store_directly.selector;
        selectors[12] = AuditArchiveHandler.send_clo.selector;
        selectors[13] = AuditArchiveHandler.force_feed.selector;
        selectors[14] = AuditArchiveHandler.toggle_node.selector;
        selectors[15] = AuditArchiveHandler.toggle_manager.selector;
        selectors[16] = AuditArchiveHandler.warp.selector;
        selectors[17] = AuditArchiveHandler.warp.selector;
        _target(address(handler), selectors);
    }

    /// @notice The archive's balance is the refunds it owes (plus only CLO forced in by a self-destruction, which no
    /// one is owed); what it owes is the sum of what each payer is owed, and what released deposits brought in less
    /// what payers took out.
    function invariant_balance_is_the_refunds_owed() public view {
        uint256 owed = archive.refunds_owed();
        require(address(archive).balance == owed + handler.ghost_forced(), "balance is not the refunds owed");
        uint256 sum;
        for (uint256 i = 0; i < handler.ACTORS(); i++) sum += archive.refund_of(handler.actor(i));
        require(sum == owed, "refunds_owed is not the sum of the payers' refunds");
        require(owed == handler.ghost_credited() - handler.ghost_withdrawn(), "refunds owed are not credits less payouts");
        // The handler never funds the registry: a reveal's CLO goes on to the file system, none stays behind.
        require(address(registry).balance == 0, "the registry kept CLO from a reveal");
    }

    /// @notice No archive deposit is paid out twice: each file is released at most once, for exactly its deposit, and
    /// every refund paid is exactly what its payer was owed. The deposits of the archive's withdrawn files are exactly
    /// the refunds credited; the others are held by the file system.
    function invariant_no_deposit_paid_out_twice() public view {
        require(handler.ghost_double_payouts() == 0, "a deposit was released twice");
        require(handler.ghost_wrong_refunds() == 0, "a release credited other than the file's deposit");
        require(handler.ghost_wrong_refund_payments() == 0, "a refund paid other than what was owed");
        uint256 released;
        for (uint256 i = 0; i < handler.archive_file_count(); i++) {
            uint256 id = handler.archive_files(i);
            CallistoFS.FileEntry memory f = fs.file(id);
            bool withdrawn = f.status == CallistoFS.FileStatus.Withdrawn;
            require(withdrawn == handler.ghost_released_file(id), "an archive file left other than by a release");
            if (withdrawn) released += f.deposit;
        }
        require(released == handler.ghost_credited(), "released deposits are not the refunds credited");
    }

    /// @notice A copy a host node confirmed stays stored while the registry lists the report: nobody (the payer, the
    /// file system's owner, anyone through `release`) takes it off, and no second copy replaces it.
    function invariant_a_confirmed_copy_stays_stored() public view {
        require(handler.ghost_confirmed_released() == 0, "a confirmed copy was released");
        require(handler.ghost_early_releases() == 0, "a copy was released while it could still be confirmed");
        require(handler.ghost_foreign_withdrawals() == 0, "someone but the archive withdrew an archive file");
        require(handler.ghost_second_copies() == 0, "a report was stored again while it had a copy");
        for (uint256 i = 0; i < handler.revealed_count(); i++) {
            uint256 confirmed = handler.ghost_confirmed_copy(i);
            if (confirmed == 0) continue;
            AuditArchiveHandler.Revealed memory r = handler.revealed(i);
            AuditArchive.Archive memory a = archive.archive_of(r.request_id, r.auditor);
            require(a.stored && a.file_id == confirmed - 1, "a confirmed copy is no longer the report's copy");
            CallistoFS.FileEntry memory f = fs.file(a.file_id);
            require(f.status == CallistoFS.FileStatus.Counted, "a confirmed copy is no longer counted");
            require(f.owner == address(archive), "a confirmed copy changed owner");
        }
    }

    /// @notice The archive holds only what the registry lists: each copy is the archive's own file, of the CID the
    /// auditor committed to and the registry revealed, at the report's path; at most one held copy a report; and
    /// only the registry (at reveal) or a current manager stores, for at least the quote.
    function invariant_the_archive_holds_what_the_registry_lists() public view {
        require(handler.ghost_unauthorized_stores() == 0, "someone not allowed stored a copy");
        require(handler.ghost_underpaid_stores() == 0, "a copy was stored for less than the quote");
        require(handler.ghost_accepted_plain_sends() == 0, "the archive accepted a plain CLO transfer");
        require(handler.ghost_reveals_without_copy() == 0, "an ipfs:// report was revealed without its copy");
        require(handler.ghost_unpaid_copies() == 0, "a file was stored for a link the archive does not keep");
        for (uint256 i = 0; i < handler.revealed_count(); i++) {
            AuditArchiveHandler.Revealed memory r = handler.revealed(i);
            AuditArchive.Archive memory a = archive.archive_of(r.request_id, r.auditor);
            if (!a.stored) continue;
            CallistoFS.FileEntry memory f = fs.file(a.file_id);
            require(f.owner == address(archive), "a copy the archive does not own");
            require(f.status != CallistoFS.FileStatus.Withdrawn, "a stored copy was withdrawn");
            require(keccak256(bytes(f.cid)) == keccak256(bytes(r.cid)), "a copy of another CID");
            require(
                keccak256(bytes(f.path)) == keccak256(bytes(archive.path_of(r.request_id, r.auditor))),
                "a copy at another path"
            );
            require(_revealed_link(r) == keccak256(bytes(string.concat("ipfs://", r.cid))), "a copy of an unlisted link");
        }
        for (uint256 i = 0; i < handler.archive_file_count(); i++) {
            uint256 id = handler.archive_files(i);
            if (fs.file(id).status == CallistoFS.FileStatus.Withdrawn) continue;
            AuditArchiveHandler.Revealed memory r = handler.revealed(handler.report_of_file(id));
            (bool stored, uint256 current) = archive.archive_file_of(r.request_id, r.auditor);
            require(stored && current == id, "a held archive file that is not its report's copy");
        }
    }

    /// @notice A payer that refuses CLO blocks nobody: every release that was due went through, every refund owed to
    /// a payer that takes CLO was paid, and no re-entry from a payer's receive() was accepted.
    function invariant_no_payer_blocks_a_release_or_a_refund() public view {
        require(handler.ghost_blocked_releases() == 0, "a due release failed");
        require(handler.ghost_failed_refunds() == 0, "a refund owed to a payer that takes CLO failed");
        ArchiveActor reentrant = ArchiveActor(payable(handler.actor(handler.REENTRANT())));
        require(reentrant.reentries_accepted() == 0, "the archive accepted a re-entry");
    }

    /// @notice Not an invariant of the archive: shows in the trace how much of the flow a run reached.
    function invariant_zz_coverage() public view {
        handler.calls();
    }

    function _revealed_link(AuditArchiveHandler.Revealed memory r) private view returns (bytes32) {
        AuditRegistry.Report[] memory reports = registry.get_reports(r.request_id);
        for (uint256 i = 0; i < reports.length; i++) {
            if (reports[i].auditor != r.auditor) continue;
            require(reports[i].revealed, "a copy of a report not revealed");
            return keccak256(bytes(reports[i].link));
        }
        revert("a copy of a report the registry does not list");
    }
}
