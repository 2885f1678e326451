// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AuditRegistry} from "../../AuditRegistry.sol";
import {Vm} from "./Vm.sol";

/// @notice An account of the fuzzed registry: a contract (so that it can receive claims) through which the handler
/// makes calls as a manager, an auditor or an outsider. The same actor may be any of them over a sequence.
contract RegistryActor {
    address private immutable _handler;

    constructor() {
        _handler = msg.sender;
    }

    function exec(address target, bytes calldata data) external returns (bool ok) {
        require(msg.sender == _handler, "RegistryActor: only the handler");
        (ok, ) = target.call(data);
    }

    receive() external payable {}
}

/// @notice A contract with code on this chain, the subject of audit requests whose complexity the registry measures.
contract AuditTarget {
    uint256 public value;

    function set(uint256 v) external {
        value = v;
    }
}

/// @notice Makes random sequences of what managers, auditors, requesters, funders and time do to an AuditRegistry, and
/// keeps a ghost record of what must hold: what each period received and paid, who signed and revealed each report,
/// the latest verdict of each contract, and every call the registry should have refused but accepted.
contract AuditRegistryHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    uint256 public constant PAYOUT_PERIOD = 1 days;
    uint256 public constant KARMA_PER_KB = 10;
    uint256 public constant ERROR_PENALTY = 5;
    uint256 public constant ACTORS = 8;
    uint256 public constant OTHER_CHAIN = 61;

    AuditRegistry public immutable registry;
    RegistryActor[] public actors;
    address[] public targets;

    // ---- ghosts -------------------------------------------------------------------------------------------------

    /// @notice CLO funded into each period (before roll-overs) and rolled over out of and into each period.
    mapping(uint256 => uint256) public ghost_funded;
    mapping(uint256 => uint256) public ghost_rolled_out;
    mapping(uint256 => uint256) public ghost_rolled_in;
    /// @notice CLO claimed from each period.
    mapping(uint256 => uint256) public ghost_claimed;
    uint256 public ghost_claimed_total;
    uint256 public ghost_funded_total;

    /// @notice The manager that signed each report, by request and auditor.
    mapping(uint256 => mapping(address => address)) public ghost_signer;
    /// @notice The link behind each commitment the handler made.
    mapping(bytes32 => string) internal _link_of;
    /// @notice For each target of this chain: whether a completion was recorded, and the latest verdict.
    mapping(address => bool) public ghost_completed_here;
    mapping(address => bool) public ghost_latest_passed;
    mapping(address => bytes32) public ghost_code_hash_at_completion;

    /// @notice Calls the registry accepted and should have refused, and payouts that failed; each must stay 0.
    uint256 public ghost_self_confirmations;
    uint256 public ghost_author_signatures;
    uint256 public ghost_author_reveals;
    uint256 public ghost_bad_state_reveals;
    uint256 public ghost_oversized_karma;
    uint256 public ghost_duplicate_commitments;
    uint256 public ghost_failed_payouts;
    uint256 public ghost_failed_appointments;
    uint256 public ghost_wrong_payouts;

    uint256 public calls;
    uint256 public successful_reveals;
    uint256 public successful_claims;
    uint256 public successful_roll_overs;
    /// @notice Forbidden calls the sequences tried and the registry refused (to see that the rules were exercised).
    uint256 public refused_author_attempts;
    uint256 public refused_self_confirmations;

    mapping(bytes32 => bool) internal _committed;
    uint256 internal _fresh_links;

    constructor() {
        registry = new AuditRegistry(address(this), 7 days, PAYOUT_PERIOD, KARMA_PER_KB, ERROR_PENALTY);
        for (uint256 i = 0; i < ACTORS; i++) actors.push(new RegistryActor());
        // Three managers to start with; the others are nominated as auditors along the way.
        for (uint256 i = 0; i < 3; i++) registry.appoint_manager(address(actors[i]), "manager");
        // Three auditors, each nominated by one manager and confirmed by another; actors 6 and 7 start as outsiders.
        for (uint256 i = 3; i < 6; i++) {
            actors[0].exec(address(registry), abi.encodeCall(AuditRegistry.nominate_auditor, (address(actors[i]), "a")));
            actors[1].exec(address(registry), abi.encodeCall(AuditRegistry.confirm_auditor, (address(actors[i]))));
        }
        for (uint256 i = 0; i < 2; i++) targets.push(address(new AuditTarget()));
        targets.push(address(0xC0DE)); // no code here
        targets.push(address(actors[ACTORS - 1])); // an actor's own address, with code
    }

    receive() external payable {}

    // ---- roles ----------------------------------------------------------------------------------------------------

    function nominate(uint256 by_seed, uint256 who_seed) external {
        calls++;
        _as(_role(by_seed, false), abi.encodeCall(AuditRegistry.nominate_auditor, (_actor(who_seed), "auditor")));
    }

    /// @dev Tries a confirmation by any actor; the nominating manager's must fail.
    function confirm(uint256 by_seed, uint256 who_seed) external {
        calls++;
        address who = _actor(who_seed);
        address nominator = _nominator_of(who);
        by_seed = _role(by_seed, false);
        address by = _actor(by_seed);
        bool ok = _as(by_seed, abi.encodeCall(AuditRegistry.confirm_auditor, (who)));
        if (ok && nominator == by) ghost_self_confirmations++;
        if (!ok && nominator == by) refused_self_confirmations++;
    }

    function cancel(uint256 by_seed, uint256 who_seed) external {
        calls++;
        _as(by_seed, abi.encodeCall(AuditRegistry.cancel_nomination, (_actor(who_seed))));
    }

    function remove_auditor(uint256 by_seed, uint256 who_seed) external {
        calls++;
        _as(by_seed, abi.encodeCall(AuditRegistry.remove_auditor, (_actor(who_seed))));
    }

    /// @dev The owner (governance) appoints any actor, an auditor included: the appointment must take effect.
    function appoint(uint256 who_seed) external {
        calls++;
        address who = _actor(who_seed);
        (bool ok, ) = address(registry).call(abi.encodeCall(AuditRegistry.appoint_manager, (who, "appointed")));
        if (!ok || !registry.is_manager(who) || registry.is_auditor(who)) ghost_failed_appointments++;
    }

    function dismiss(uint256 who_seed) external {
        calls++;
        address who = _actor(who_seed);
        if (registry.is_manager(who)) registry.dismiss_manager(who);
    }

    // ---- requests -------------------------------------------------------------------------------------------------

    function submit(uint256 by_seed, uint256 target_seed, bool here) external {
        calls++;
        address target = targets[target_seed % targets.length];
        _as(
            by_seed,
            abi.encodeCall(
                AuditRegistry.submit_request,
                (target, here ? block.chainid : OTHER_CHAIN, "https://example.org/src", "fuzz", "Solidity")
            )
        );
    }

    function approve(uint256 by_seed, uint256 id_seed) external {
        calls++;
        (bool any, uint256 id) = _request(id_seed);
        if (any) _as(_role(by_seed, false), abi.encodeCall(AuditRegistry.approve, (id)));
    }

    function start(uint256 by_seed, uint256 id_seed) external {
        calls++;
        (bool any, uint256 id) = _request(id_seed);
        if (any) _as(_role(by_seed, false), abi.encodeCall(AuditRegistry.start, (id)));
    }

    function reject(uint256 by_seed, uint256 id_seed) external {
        calls++;
        (bool any, uint256 id) = _request(id_seed);
        if (any) _as(_role(by_seed, false), abi.encodeCall(AuditRegistry.reject, (id, "fuzz")));
    }

    function complete(uint256 by_seed, uint256 id_seed, bool passed) external {
        calls++;
        _complete(by_seed, id_seed, passed);
    }

    function _complete(uint256 by_seed, uint256 id_seed, bool passed) private {
        (bool any, uint256 id) = _request(id_seed);
        if (!any) return;
        AuditRegistry.Severity memory counts;
        bool ok = _as(_role(by_seed, false), abi.encodeCall(AuditRegistry.complete, (id, passed, counts)));
        if (!ok) return;
        AuditRegistry.Request memory r = registry.get_request(id);
        if (r.chain_id == block.chainid) {
            ghost_completed_here[r.contract_address] = true;
            ghost_latest_passed[r.contract_address] = passed;
            ghost_code_hash_at_completion[r.contract_address] = r.contract_address.codehash;
        }
    }

    // ---- reports --------------------------------------------------------------------------------------------------

    /// @dev Links come from a small set, so that auditors often try a commitment already made.
    function commit(uint256 by_seed, uint256 id_seed, uint256 link_seed) external {
        calls++;
        _commit(by_seed, id_seed, link_seed % 40);
    }

    function _commit(uint256 by_seed, uint256 id_seed, uint256 link_number) private {
        (bool any, uint256 id) = _request(id_seed);
        if (!any) return;
        string memory link = string.concat("https://gist.github.com/fuzz/", _decimal(link_number));
        bytes32 commitment = keccak256(bytes(link));
        bool was_committed = _committed[commitment];
        bool ok = _as(_role(by_seed, true), abi.encodeCall(AuditRegistry.submit_report, (id, commitment, "")));
        if (!ok) return;
        if (was_committed) ghost_duplicate_commitments++;
        _committed[commitment] = true;
        _link_of[commitment] = link;
    }

    function sign(uint256 by_seed, uint256 id_seed, uint256 report_seed, uint256 errors) external {
        calls++;
        _sign(by_seed, id_seed, report_seed, errors);
    }

    function _sign(uint256 by_seed, uint256 id_seed, uint256 report_seed, uint256 errors) private {
        (bool any, uint256 id, address auditor) = _report(id_seed, report_seed);
        if (!any) return;
        by_seed = _role(by_seed, false);
        address by = _actor(by_seed);
        bool ok = _as(by_seed, abi.encodeCall(AuditRegistry.sign_report, (id, auditor, errors % 4)));
        if (!ok) {
            if (registry.is_manager(by) && registry.has_report(id, by)) refused_author_attempts++;
            return;
        }
        if (by == auditor || registry.has_report(id, by)) ghost_author_signatures++;
        ghost_signer[id][auditor] = by;
    }

    /// @dev Complexity up to 2^31: the registry must cap what a manager may give.
    function reveal(uint256 by_seed, uint256 id_seed, uint256 report_seed, uint256 complexity) external {
        calls++;
        _reveal(by_seed, id_seed, report_seed, complexity);
    }

    function _reveal(uint256 by_seed, uint256 id_seed, uint256 report_seed, uint256 complexity) private {
        (bool any, uint256 id, address auditor) = _report(id_seed, report_seed);
        if (!any) return;
        by_seed = _role(by_seed, false);
        address by = _actor(by_seed);
        bytes32 commitment = _commitment_of(id, auditor);
        AuditRegistry.RequestState state = registry.get_request(id).state;
        bool ok = _as(
            by_seed,
            abi.encodeCall(AuditRegistry.reveal_report, (id, auditor, _link_of[commitment], complexity % (1 << 31), 0))
        );
        if (!ok) return;
        successful_reveals++;
        if (by == auditor || registry.has_report(id, by)) ghost_author_reveals++;
        if (state != AuditRegistry.RequestState.InProgress && state != AuditRegistry.RequestState.Completed) {
            ghost_bad_state_reveals++;
        }
        if (_karma_of(id, auditor) > KARMA_PER_KB * 24) ghost_oversized_karma++;
    }

    /// @notice A whole audit in one call, so that sequences often reach reveals, verdicts and claims: a request, its
    /// approval, one or two commitments (fresh links), the start, signatures and reveals (by managers picked as in the
    /// single steps, so an author is tried too) and, sometimes, the verdict. Each step may be refused.
    function audit(uint256 seed, uint256 target_seed, bool here, uint256 complexity, bool passed) external {
        calls++;
        address target = targets[target_seed % targets.length];
        bool submitted = _as(
            seed,
            abi.encodeCall(
                AuditRegistry.submit_request,
                (target, here ? block.chainid : OTHER_CHAIN, "https://example.org/src", "fuzz", "Solidity")
            )
        );
        if (!submitted) return;
        uint256 id = registry.request_count() - 1;
        _as(_role(seed, false), abi.encodeCall(AuditRegistry.approve, (id)));
        uint256 reports = 1 + ((seed >> 8) % 2);
        for (uint256 i = 0; i < reports; i++) _commit((seed >> 16) + i, id, 1000 + _fresh_links++);
        _as(_role(seed >> 24, false), abi.encodeCall(AuditRegistry.start, (id)));
        // M-04's variant, one audit in four: an auditor that committed is appointed manager, then tries to sign and
        // reveal the request's reports (its own first).
        AuditRegistry.Report[] memory committed = registry.get_reports(id);
        if ((seed >> 4) % 4 == 0 && committed.length > 0) {
            uint256 author = _index_of(committed[0].auditor);
            (bool appointed, ) = address(registry).call(
                abi.encodeCall(AuditRegistry.appoint_manager, (committed[0].auditor, "auditor turned manager"))
            );
            if (!appointed) ghost_failed_appointments++;
            for (uint256 i = 0; i < committed.length; i++) {
                _sign(author, id, i, 0);
                _reveal(author, id, i, complexity);
            }
        }
        for (uint256 i = 0; i < reports; i++) {
            _sign((seed >> 32) + i, id, i, seed >> 40);
            _reveal((seed >> 48) + i, id, i, complexity);
        }
        if ((seed >> 56) % 2 == 0) _complete(seed >> 60, id, passed);
    }

    // ---- money and time -------------------------------------------------------------------------------------------

    function fund(uint256 amount) external {
        calls++;
        amount = amount % 1000 ether;
        vm.deal(address(this), address(this).balance + amount);
        uint256 period = registry.current_period();
        registry.fund{value: amount}();
        ghost_funded[period] += amount;
        ghost_funded_total += amount;
    }

    function warp(uint256 seconds_) external {
        calls++;
        vm.warp(block.timestamp + (seconds_ % (2 * PAYOUT_PERIOD)));
    }

    function claim(uint256 by_seed, uint256 period_seed) external {
        calls++;
        uint256 current = registry.current_period();
        if (current == 0) return;
        _claim(actors[by_seed % ACTORS], period_seed % current);
    }

    function roll_over(uint256 period_seed) external {
        calls++;
        uint256 current = registry.current_period();
        if (current == 0) return;
        _roll_over(period_seed % current, current);
    }

    /// @notice "Every non-empty period's budget can be claimed": settles an ended period completely (each auditor
    /// with karma claims, or the budget rolls over when nobody earned karma) and records any claim that fails, any
    /// payout that is not the auditor's share, and any remainder larger than the rounding of the claims.
    function settle(uint256 period_seed) external {
        calls++;
        uint256 current = registry.current_period();
        if (current == 0) return;
        uint256 period = period_seed % current;
        if (registry.total_karma_in_period(period) == 0) {
            if (registry.period_budget(period) > 0 && !_roll_over(period, current)) ghost_failed_payouts++;
            return;
        }
        uint256 claimants;
        for (uint256 i = 0; i < ACTORS; i++) {
            RegistryActor a = actors[i];
            if (registry.karma_in_period(period, address(a)) == 0) continue;
            claimants++;
            if (registry.claimed(period, address(a))) continue;
            uint256 expected = registry.claimable(period, address(a));
            if (expected == 0) continue; // a share rounded down to nothing
            if (!_claim(a, period)) ghost_failed_payouts++;
        }
        // What stays unclaimed is the rounding of each claimant's share: less than 1 wei a claimant.
        uint256 budget = registry.period_budget(period);
        if (ghost_claimed[period] > budget || budget - ghost_claimed[period] >= claimants) ghost_failed_payouts++;
    }

    // ---- views for the invariants ---------------------------------------------------------------------------------

    function actor_count() external pure returns (uint256) {
        return ACTORS;
    }

    function target_count() external view returns (uint256) {
        return targets.length;
    }

    // ---- internals ------------------------------------------------------------------------------------------------

    function _claim(RegistryActor a, uint256 period) private returns (bool ok) {
        uint256 expected = registry.claimable(period, address(a));
        uint256 before = address(a).balance;
        ok = a.exec(address(registry), abi.encodeCall(AuditRegistry.claim, (period)));
        if (!ok) return false;
        uint256 paid = address(a).balance - before;
        if (paid != expected) ghost_wrong_payouts++;
        ghost_claimed[period] += paid;
        ghost_claimed_total += paid;
        successful_claims++;
    }

    function _roll_over(uint256 period, uint256 current) private returns (bool ok) {
        uint256 amount = registry.period_budget(period);
        (ok, ) = address(registry).call(abi.encodeCall(AuditRegistry.roll_over, (period)));
        if (!ok) return false;
        ghost_rolled_out[period] += amount;
        ghost_rolled_in[current] += amount;
        successful_roll_overs++;
    }

    function _as(uint256 seed, bytes memory data) private returns (bool) {
        return actors[seed % ACTORS].exec(address(registry), data);
    }

    function _actor(uint256 seed) private view returns (address) {
        return address(actors[seed % ACTORS]);
    }

    /// @dev A seed that names a current manager (auditor when `auditor`) 3 times in 4, so that sequences get deep
    /// into the flow; any actor otherwise (and when nobody holds the role), so that refusals are tried too.
    function _role(uint256 seed, bool auditor) private view returns (uint256) {
        if (seed % 4 == 0) return seed;
        for (uint256 i = 0; i < ACTORS; i++) {
            uint256 candidate = ((seed % ACTORS) + i) % ACTORS;
            address a = address(actors[candidate]);
            if (auditor ? registry.is_auditor(a) : registry.is_manager(a)) return candidate;
        }
        return seed;
    }

    function _request(uint256 seed) private view returns (bool, uint256) {
        uint256 count = registry.request_count();
        if (count == 0) return (false, 0);
        return (true, seed % count);
    }

    function _report(uint256 id_seed, uint256 report_seed) private view returns (bool, uint256, address) {
        (bool any, uint256 id) = _request(id_seed);
        if (!any) return (false, 0, address(0));
        AuditRegistry.Report[] memory reports = registry.get_reports(id);
        if (reports.length == 0) return (false, 0, address(0));
        return (true, id, reports[report_seed % reports.length].auditor);
    }

    function _commitment_of(uint256 id, address auditor) private view returns (bytes32) {
        AuditRegistry.Report[] memory reports = registry.get_reports(id);
        for (uint256 i = 0; i < reports.length; i++) if (reports[i].auditor == auditor) return reports[i].commitment;
        return bytes32(0);
    }

    function _karma_of(uint256 id, address auditor) private view returns (uint256) {
        AuditRegistry.Report[] memory reports = registry.get_reports(id);
        for (uint256 i = 0; i < reports.length; i++) if (reports[i].auditor == auditor) return reports[i].karma;
        return 0;
    }

    function _nominator_of(address who) private view returns (address) {
        AuditRegistry.Nomination[] memory page = registry.get_nominations(0, 100);
        for (uint256 i = 0; i < page.length; i++) if (page[i].account == who) return page[i].nominated_by;
        return address(0);
    }

    function _index_of(address a) private view returns (uint256) {
        for (uint256 i = 0; i < ACTORS; i++) if (address(actors[i]) == a) return i;
        return 0;
    }

    function _decimal(uint256 n) private pure returns (string memory) {
        if (n == 0) return "0";
        bytes memory digits;
        while (n > 0) {
            digits = abi.encodePacked(bytes1(uint8(48 + (n % 10))), digits);
            n /= 10;
        }
        return string(digits);
    }
}
