// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AuditRegistry} from "../../AuditRegistry.sol";
import {InvariantTest} from "./Vm.sol";
import {AuditRegistryHandler} from "./AuditRegistryHandler.sol";

/// @notice Invariants of the audit registry under random sequences of roles, requests, commitments, signatures,
/// reveals, funding, time, claims and roll-overs (AuditRegistryHandler): the money of each payout period, the karma
/// of each period, who may grade a report, and what `is_audited` means.
contract AuditRegistryInvariants is InvariantTest {
    AuditRegistryHandler internal handler;
    AuditRegistry internal registry;

    function setUp() public {
        handler = new AuditRegistryHandler();
        registry = handler.registry();
        bytes4[] memory selectors = new bytes4[](22);
        selectors[0] = AuditRegistryHandler.nominate.selector;
        selectors[1] = AuditRegistryHandler.confirm.selector;
        selectors[2] = AuditRegistryHandler.cancel.selector;
        selectors[3] = AuditRegistryHandler.remove_auditor.selector;
        selectors[4] = AuditRegistryHandler.appoint.selector;
        selectors[5] = AuditRegistryHandler.dismiss.selector;
        selectors[6] = AuditRegistryHandler.submit.selector;
        selectors[7] = AuditRegistryHandler.approve.selector;
        selectors[8] = AuditRegistryHandler.start.selector;
        selectors[9] = AuditRegistryHandler.reject.selector;
        selectors[10] = AuditRegistryHandler.complete.selector;
        selectors[11] = AuditRegistryHandler.commit.selector;
        selectors[12] = AuditRegistryHandler.sign.selector;
        selectors[13] = AuditRegistryHandler.reveal.selector;
        selectors[14] = AuditRegistryHandler.fund.selector;
        selectors[15] = AuditRegistryHandler.warp.selector;
        selectors[16] = AuditRegistryHandler.claim.selector;
        selectors[17] = AuditRegistryHandler.roll_over.selector;
        selectors[18] = AuditRegistryHandler.settle.selector;
        // Whole audits three times as likely as a single step, so that sequences reach reveals, verdicts and claims.
        selectors[19] = AuditRegistryHandler.audit.selector;
        selectors[20] = AuditRegistryHandler.audit.selector;
        selectors[21] = AuditRegistryHandler.audit.selector;
        _target(address(handler), selectors);
    }

    /// @notice Claimed per period <= its budget (funded + rolled in - rolled out), and each period's budget is what
    /// the ghost says it received.
    function invariant_claims_within_each_period_budget() public view {
        uint256 current = registry.current_period();
        for (uint256 p = 0; p <= current; p++) {
            uint256 budget = registry.period_budget(p);
            require(handler.ghost_claimed(p) <= budget, "claimed more than the period's budget");
            require(
                budget == handler.ghost_funded(p) + handler.ghost_rolled_in(p) - handler.ghost_rolled_out(p),
                "a period's budget is not what it received"
            );
            require(handler.ghost_rolled_in(p) == registry.rolled_over_into(p), "rolled_over_into disagrees");
        }
    }

    /// @notice Registry balance = the sum of the budgets - the sum of the claims: nothing is created or lost.
    function invariant_balance_is_budgets_less_claims() public view {
        uint256 current = registry.current_period();
        uint256 budgets;
        uint256 claims;
        for (uint256 p = 0; p <= current; p++) {
            budgets += registry.period_budget(p);
            claims += handler.ghost_claimed(p);
        }
        require(address(registry).balance == budgets - claims, "balance is not budgets less claims");
        require(budgets == handler.ghost_funded_total(), "budgets are not what was funded");
        require(claims == handler.ghost_claimed_total(), "claims disagree");
    }

    /// @notice Every non-empty ended period's budget can be claimed (or rolled over when it has no karma): no
    /// claim the handler made failed or paid other than the share, and what stayed is rounding.
    function invariant_every_period_budget_can_be_paid_out() public view {
        require(handler.ghost_failed_payouts() == 0, "a period's budget could not be paid out");
        require(handler.ghost_wrong_payouts() == 0, "a claim paid other than the auditor's share");
        uint256 current = registry.current_period();
        for (uint256 p = 0; p < current; p++) {
            if (registry.total_karma_in_period(p) > 0) continue;
            // Nobody can claim this period: its budget must be movable, i.e. nothing claimed from it.
            require(handler.ghost_claimed(p) == 0, "a claim from a period without karma");
        }
    }

    /// @notice Period karma = the sum of the auditors' karma in it, and the auditors' total karma is the sum over
    /// the periods.
    function invariant_period_karma_is_the_sum_of_auditors_karma() public view {
        uint256 current = registry.current_period();
        uint256 periods_total;
        for (uint256 p = 0; p <= current; p++) {
            uint256 sum;
            for (uint256 i = 0; i < handler.actor_count(); i++) {
                sum += registry.karma_in_period(p, address(handler.actors(i)));
            }
            require(sum == registry.total_karma_in_period(p), "period karma is not the sum of the auditors'");
            periods_total += sum;
        }
        AuditRegistry.Member[] memory auditors = registry.get_auditors(0, 100);
        uint256 members_total;
        for (uint256 i = 0; i < auditors.length; i++) members_total += auditors[i].karma;
        require(members_total == periods_total, "auditors' karma is not the sum over the periods");
    }

    /// @notice Karma only from reports signed and revealed by someone other than their author (and not a manager
    /// with a report in the same request), of requests in progress or completed, within the complexity cap; a
    /// confirmation by the nominating manager, a duplicate commitment or an appointment that did not take effect
    /// never happened.
    function invariant_karma_only_from_reports_graded_by_others() public view {
        require(handler.ghost_author_signatures() == 0, "an author signed a report of its own request");
        require(handler.ghost_author_reveals() == 0, "an author revealed a report of its own request");
        require(handler.ghost_bad_state_reveals() == 0, "a report was revealed outside in progress or completed");
        require(handler.ghost_oversized_karma() == 0, "a report earned more than the largest contract allows");
        require(handler.ghost_self_confirmations() == 0, "a manager confirmed its own nomination");
        require(handler.ghost_duplicate_commitments() == 0, "a commitment was accepted twice");
        require(handler.ghost_failed_appointments() == 0, "an appointment did not take effect");
        uint256 count = registry.request_count();
        for (uint256 id = 0; id < count; id++) {
            AuditRegistry.Report[] memory reports = registry.get_reports(id);
            bool rejected = registry.get_request(id).state == AuditRegistry.RequestState.Rejected;
            for (uint256 i = 0; i < reports.length; i++) {
                AuditRegistry.Report memory r = reports[i];
                if (r.karma == 0) continue;
                require(r.signed && r.revealed, "karma for a report not signed and revealed");
                require(!rejected, "karma for a rejected request's report");
                address signer = handler.ghost_signer(id, r.auditor);
                require(signer != address(0) && signer != r.auditor, "karma for a report its author signed");
            }
        }
    }

    /// @notice `is_audited` implies the latest completed audit of the contract on this chain passed, with the code
    /// it has now.
    function invariant_is_audited_means_passed_here_with_this_code() public view {
        for (uint256 i = 0; i < handler.target_count(); i++) {
            address target = handler.targets(i);
            if (!registry.is_audited(target)) continue;
            require(handler.ghost_completed_here(target), "audited without a completion on this chain");
            require(handler.ghost_latest_passed(target), "audited although the latest audit failed");
            require(target.code.length > 0, "audited without code");
            require(target.codehash == handler.ghost_code_hash_at_completion(target), "audited with other code");
        }
    }

    /// @notice Not an invariant of the registry: shows in the log how much of the flow a run reached.
    function invariant_zz_coverage() public view {
        handler.calls();
    }
}
