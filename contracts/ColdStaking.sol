// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Callisto cold staking, compatible with the mainnet V2 contract
/// @notice Stake CLO for whole rounds of `round_interval` seconds; block rewards that reach this contract as plain
/// balance credits are shared between stakers in proportion to staked amount x staked time, scaled by a
/// multiplier that rewards longer terms (0.40 + 0.05 per round, 1.00 from 12 rounds). Every member of the V2
/// ABI is here with the same name, inputs, outputs and events; the governance hold, `staker_count`,
/// `add_stake_loss` and a few parameters are additions.
///
/// @dev The accounting model, as V2:
///
/// Contract clock. `Timestamp` is the contract's own time. It moves once a block, at the start of the first
/// state-changing call in the block, by `elapsed = min(block.timestamp - Timestamp, blocks x
/// max_seconds_per_block)` where `blocks` is the number of blocks since `LastBlock`. The cap means a miner who
/// skews a block timestamp far into the future cannot inflate weights or end terms early: the clock can run
/// at most `max_seconds_per_block` a block (25 s on mainnet, where blocks come every ~15 s, so an honest clock
/// that fell behind catches up). Every staker date (`time`, `end_time`) is in this clock, not in
/// block.timestamp. Views simulate the tick for the current block, so they show what a call would see.
///
/// Weight. `TotalStakingWeight` is kept equal to SUM over stakers of amount x (Timestamp - time): each tick
/// adds `elapsed x TotalStakingAmount`, and every change to a staker removes exactly the part of that sum it
/// changes (a claim removes amount x paid rounds and moves `time` forward by the same; adding to a stake,
/// withdrawing and a reported abuse remove amount x (Timestamp - time), the staker's whole remaining share).
/// Because every subtraction is a part of the sum, the total can never underflow, and the stake of a claim is
/// never more than the total, so a reward never exceeds the pool.
///
/// End of term (design choice). Rewards are paid only for whole rounds completed up to `end_time`. The weight
/// of a stake whose term has ended still counts in `TotalStakingWeight` until the stake leaves (withdrawal,
/// report of abuse) or is renewed (adding to it resets its time): stopping it exactly at `end_time` would need
/// to know, at every tick, how much stake expired within the elapsed interval, which means looping over end
/// times (unbounded gas) or letting the total drift from the sum (phantom weight or an underflow). The cost is
/// that an expired, idle stake dilutes the active stakers' share of the pool; what it dilutes stays in the pool
/// for later claims, the owner earns nothing by staying (an incentive to withdraw or renew), and any staker can
/// return it to its owner with `report_abuse` once `max_delay` has passed after its term.
///
/// Reward pool. `StakingRewardPool` is the balance not owed to stakers: balance - `TotalStakingAmount` (minus
/// the value of the current call). It is computed live rather than stored once a block, so donations and
/// block rewards count at once and two claims in one block see the pool the first one left.
///
/// Governance epochs and the total at the end of each (M-02). The treasury counts its quorum against the stake
/// that existed when a vote closed, not when it is evaluated. `set_governance` reads the treasury's `genesis` and
/// `epoch_length` (epoch = (block.timestamp - genesis) / epoch_length, wall clock as the treasury) and
/// `total_staked_at_end_of(epoch)` answers for any ended epoch since then. Lazy checkpoints keep the cost off the
/// common path: `_last_change_epoch` is the epoch of the latest change to `TotalStakingAmount`. When the total is
/// about to change in a later epoch, the total as it stood (unchanged since `_last_change_epoch`) is the total at
/// the end of every epoch from `_last_change_epoch` up to the one before now: one checkpoint (that first epoch,
/// the total) records them all, however many idle epochs passed. Checkpoints are appended in increasing epoch
/// order, so the view finds the last one at or before the asked epoch by binary search; an epoch at or after
/// `_last_change_epoch` has the current total. A change within the epoch of the previous one writes nothing
/// (one comparison with the cached end of that epoch), so a checkpoint costs one new slot once an epoch at most.
contract ColdStaking {
    event StartStaking(address addr, uint256 value, uint256 amount, uint256 time, uint256 end_time);
    event WithdrawStake(address staker, uint256 amount);
    event Claim(address staker, uint256 reward);
    event DonationDeposited(address _address, uint256 value);
    /// @notice A staker returned, without reward, the stake of an address idle for `max_delay` after its term.
    event AbuseReported(address reporter, address staker, uint256 amount);
    /// @notice The owner set the governance contract (once).
    event GovernanceSet(address governance);
    /// @notice Governance holds a voter's stake: no withdrawal or report before `until` (block.timestamp).
    event StakeHeld(address voter, uint256 until);

    struct Staker {
        uint256 amount; // staked CLO
        uint256 time; // contract time the current (incomplete) round started
        uint256 multiplier; // reward multiplier, 1e18 = 1.00
        uint256 end_time; // contract time the term ends: withdrawable from then, no reward after it
    }

    uint256 private constant NOMINATOR = 1e18;
    uint256 private constant BASE_MULTIPLIER = 0.40e18;
    uint256 private constant MULTIPLIER_PER_ROUND = 0.05e18;

    /// @notice The longest term a stake may ask for at once, in rounds (the multiplier stops growing at 12).
    uint256 public constant max_rounds = 1000;
    /// @notice The minimum stake: none, as on mainnet.
    uint256 public constant staking_threshold = 0;

    /// @notice Length of a round in contract seconds (27 days on mainnet).
    uint256 public immutable round_interval;
    /// @notice Time after the end of a term from which any staker may return an idle stake (365 days on mainnet).
    uint256 public immutable max_delay;
    /// @notice The most the contract clock may advance a block (25 s on mainnet-like deployments).
    uint256 public immutable max_seconds_per_block;
    /// @notice The block of deployment: staking is open from it.
    uint256 public immutable BlockStartStaking;
    /// @notice The address allowed to set `governance`, once.
    address public immutable owner;

    /// @notice Contract clock: see the contract notes. Moves once a block.
    uint256 public Timestamp;
    /// @notice The block the contract clock last moved in.
    uint256 public LastBlock;
    /// @notice SUM over stakers of amount x (Timestamp - time).
    uint256 public TotalStakingWeight;
    /// @notice SUM of all stakes.
    uint256 public TotalStakingAmount;
    /// @notice How many addresses have a stake.
    uint256 public staker_count;
    /// @notice The governance contract allowed to hold voters' stakes; zero until the owner sets it.
    address public governance;
    /// @notice The start of governance epoch 0 (block.timestamp), read from governance when it is set.
    uint256 public governance_genesis;
    /// @notice The length of a governance epoch in seconds, read from governance when it is set.
    uint256 public governance_epoch_length;

    mapping(address => Staker) public staker;
    /// @notice Wall-clock time (block.timestamp) until which governance holds an address's stake.
    mapping(address => uint256) public held_until;

    uint256 private _entered = 1;

    /// @dev The epoch governance was set in: the first epoch whose end `total_staked_at_end_of` knows.
    uint256 private _first_epoch;
    /// @dev The epoch of the latest change to TotalStakingAmount (or `_first_epoch`).
    uint256 private _last_change_epoch;
    /// @dev block.timestamp at which `_last_change_epoch` ends; max while there is no governance, so that the
    /// common path of `_checkpoint` is one comparison.
    uint256 private _last_change_epoch_end = type(uint256).max;
    /// @dev Checkpoint i: `epoch` << 192 | total: the total at the end of every epoch from `epoch` to the epoch
    /// before checkpoint i + 1 (or before `_last_change_epoch`).
    mapping(uint256 => uint256) private _checkpoints;
    uint256 private _checkpoint_count;

    modifier nonReentrant() {
        require(_entered == 1, "ColdStaking: reentrant call");
        _entered = 2;
        _;
        _entered = 1;
    }

    /// @param _round_interval Round length in seconds (mainnet: 27 days).
    /// @param _max_delay Idle time after a term before a stake may be reported (mainnet: 365 days).
    /// @param _max_seconds_per_block Cap on the clock's advance a block (mainnet: 25; a local dev chain uses a
    /// large value so that time travel works in one block).
    /// @param _owner May set the governance contract once. Not msg.sender: the deployment may go through a
    /// CREATE2 factory.
    constructor(uint256 _round_interval, uint256 _max_delay, uint256 _max_seconds_per_block, address _owner) {
        require(_round_interval > 0, "ColdStaking: round interval is zero");
        require(_max_seconds_per_block > 0, "ColdStaking: max seconds per block is zero");
        require(_owner != address(0), "ColdStaking: owner is the zero address");
        round_interval = _round_interval;
        max_delay = _max_delay;
        max_seconds_per_block = _max_seconds_per_block;
        owner = _owner;
        BlockStartStaking = block.number;
        Timestamp = block.timestamp;
        LastBlock = block.number;
    }

    /// @notice A plain transfer stakes it for one round.
    receive() external payable nonReentrant {
        _start_staking(1);
    }

    /// @notice Stakes msg.value for `rounds` rounds, or adds it to your stake. Adding first pays the reward of your
    /// completed rounds, then restarts your current round: the time already spent in it earns nothing (see
    /// `add_stake_loss`). The term ends at the later of the old end and now + rounds; the multiplier follows the
    /// rounds left, averaged by amount with the old one where that was higher and still in term. A zero value
    /// from a staker renews the term without adding coins.
    function start_staking(uint256 rounds) external payable nonReentrant {
        _start_staking(rounds);
    }

    /// @notice Pays the reward of your completed rounds (up to the end of your term); the incomplete round keeps
    /// running. Pays nothing, and changes nothing, before a round completes.
    function claim() external nonReentrant {
        Staker storage s = staker[msg.sender];
        require(s.amount > 0, "ColdStaking: no stake");
        _tick();
        uint256 reward = _settle(msg.sender, s, _pool());
        if (reward > 0) _send(msg.sender, reward);
    }

    /// @notice After the end of your term: pays the reward still due and returns your whole stake.
    function withdraw_stake() external nonReentrant {
        Staker storage s = staker[msg.sender];
        uint256 amount = s.amount;
        require(amount > 0, "ColdStaking: no stake");
        _tick();
        require(Timestamp >= s.end_time, "ColdStaking: stake is locked until the end of its term");
        require(block.timestamp >= held_until[msg.sender], "ColdStaking: stake is held by governance for a vote");
        uint256 reward = _settle(msg.sender, s, _pool());
        _remove(msg.sender, s, amount);
        emit WithdrawStake(msg.sender, amount);
        _send(msg.sender, amount + reward);
    }

    /// @notice Any staker may return to its owner, without reward, a stake whose term ended more than `max_delay`
    /// ago, so that idle weight stops diluting the active stakers.
    function report_abuse(address payable _addr) external nonReentrant {
        require(staker[msg.sender].amount > 0, "ColdStaking: only a staker may report abuse");
        Staker storage s = staker[_addr];
        uint256 amount = s.amount;
        require(amount > 0, "ColdStaking: address has no stake");
        _tick();
        require(Timestamp > s.end_time + max_delay, "ColdStaking: stake is not idle for long enough");
        require(block.timestamp >= held_until[_addr], "ColdStaking: stake is held by governance for a vote");
        _remove(_addr, s, amount);
        emit AbuseReported(msg.sender, _addr, amount);
        _send(_addr, amount);
    }

    /// @notice A donation to the reward pool.
    function DEBUG_donation() external payable {
        emit DonationDeposited(msg.sender, msg.value);
    }

    /// @notice Sets the governance contract; the owner may do it once, never again. Reads its epochs (`genesis()`
    /// and `epoch_length()`), from which the totals at the end of each epoch are kept.
    function set_governance(address _governance) external {
        require(msg.sender == owner, "ColdStaking: only the owner may set governance");
        require(governance == address(0), "ColdStaking: governance is already set");
        require(_governance != address(0), "ColdStaking: governance is the zero address");
        uint256 genesis = _read_uint(_governance, "genesis()");
        uint256 epoch_length = _read_uint(_governance, "epoch_length()");
        require(epoch_length > 0, "ColdStaking: governance epoch length is zero");
        require(genesis <= block.timestamp, "ColdStaking: governance genesis is in the future");
        governance = _governance;
        governance_genesis = genesis;
        governance_epoch_length = epoch_length;
        uint256 epoch = (block.timestamp - genesis) / epoch_length;
        _first_epoch = epoch;
        _last_change_epoch = epoch;
        _last_change_epoch_end = genesis + (epoch + 1) * epoch_length;
        emit GovernanceSet(_governance);
    }

    /// @notice Governance holds a voter's stake (no withdrawal, no report) until `until`, a block.timestamp, so
    /// that coins that voted cannot leave before the vote ends. A hold only ever extends, and never beyond the end
    /// of the current governance epoch: a vote runs within one epoch, so its hold ends with it (I-01).
    function hold_stake(address voter, uint256 until) external {
        require(msg.sender == governance, "ColdStaking: only governance may hold stakes");
        require(
            until <= governance_genesis + (_current_epoch() + 1) * governance_epoch_length,
            "ColdStaking: a hold may not outlast the current governance epoch"
        );
        if (until > held_until[voter]) held_until[voter] = until;
        emit StakeHeld(voter, held_until[voter]);
    }

    /// @notice TotalStakingAmount as it stood at the end of governance epoch `epoch` (the treasury's quorum
    /// denominator for a vote held in that epoch). Only for an epoch that has ended, since governance was set.
    function total_staked_at_end_of(uint256 epoch) external view returns (uint256) {
        require(governance != address(0), "ColdStaking: governance is not set");
        require(epoch < _current_epoch(), "ColdStaking: epoch has not ended");
        require(epoch >= _first_epoch, "ColdStaking: epoch ended before governance was set");
        if (epoch >= _last_change_epoch) return TotalStakingAmount;
        // The last checkpoint whose epoch is <= `epoch`; checkpoint 0 is at `_first_epoch`, so one exists.
        uint256 low = 0;
        uint256 high = _checkpoint_count;
        while (high - low > 1) {
            uint256 mid = (low + high) / 2;
            if (_checkpoints[mid] >> 192 <= epoch) low = mid;
            else high = mid;
        }
        return _checkpoints[low] & type(uint192).max;
    }

    /// @notice The balance not owed to stakers, from which rewards are paid.
    function StakingRewardPool() external view returns (uint256) {
        return address(this).balance - TotalStakingAmount;
    }

    /// @notice The reward `claim` would pay `_addr` in this block; 0 for an address without a stake.
    function stake_reward(address _addr) external view returns (uint256 _reward) {
        Staker storage s = staker[_addr];
        if (s.amount == 0) return 0;
        (uint256 now_, uint256 totalWeight) = _clock();
        uint256 completed = _completed_time(s.time, s.end_time, now_);
        if (completed == 0) return 0;
        _reward = _reward_of(address(this).balance - TotalStakingAmount, completed * s.amount, totalWeight, s.multiplier);
    }

    /// @notice What adding to `_addr`'s stake in this block would forfeit: the contract time already spent in the
    /// incomplete round (restarted by the addition) and an estimate of its reward at the pool and total weight of
    /// now (after paying the completed rounds). Both are 0 when that time could not earn anyway: before any
    /// time passed, or when the round cannot complete before the end of the term.
    function add_stake_loss(address _addr) external view returns (uint256 lost_time, uint256 lost_reward) {
        Staker storage s = staker[_addr];
        uint256 amount = s.amount;
        if (amount == 0) return (0, 0);
        (uint256 now_, uint256 totalWeight) = _clock();
        uint256 pool = address(this).balance - TotalStakingAmount;
        uint256 time = s.time;
        uint256 completed = _completed_time(time, s.end_time, now_);
        if (completed > 0) {
            uint256 weight = completed * amount;
            pool -= _reward_of(pool, weight, totalWeight, s.multiplier);
            totalWeight -= weight;
            time += completed;
        }
        if (time + round_interval > s.end_time || now_ == time) return (0, 0);
        lost_time = now_ - time;
        lost_reward = _reward_of(pool, lost_time * amount, totalWeight, s.multiplier);
    }

    function _start_staking(uint256 rounds) private {
        require(rounds > 0, "ColdStaking: stake for at least one round");
        require(rounds <= max_rounds, "ColdStaking: at most 1000 rounds");
        Staker storage s = staker[msg.sender];
        uint256 amount = s.amount;
        require(msg.value > 0 || amount > 0, "ColdStaking: nothing to stake");
        _tick();
        uint256 now_ = Timestamp;
        uint256 end_time = now_ + rounds * round_interval;
        uint256 multiplier = _multiplier(rounds);
        uint256 reward;
        if (amount > 0) {
            reward = _settle(msg.sender, s, _pool());
            uint256 old_end = s.end_time;
            if (old_end > end_time) {
                end_time = old_end;
                multiplier = _multiplier((old_end - now_) / round_interval);
            }
            uint256 old_multiplier = s.multiplier;
            if (old_multiplier > multiplier && old_end > now_) {
                multiplier = (old_multiplier * amount + multiplier * msg.value) / (amount + msg.value);
            }
            // The incomplete round restarts: its weight leaves the total (the loss `add_stake_loss` shows).
            TotalStakingWeight -= (now_ - s.time) * amount;
        } else {
            staker_count += 1;
        }
        if (msg.value > 0) _checkpoint();
        TotalStakingAmount += msg.value;
        s.amount = amount + msg.value;
        s.time = now_;
        s.multiplier = multiplier;
        s.end_time = end_time;
        emit StartStaking(msg.sender, msg.value, amount + msg.value, now_, end_time);
        if (reward > 0) _send(msg.sender, reward);
    }

    /// @dev Books the reward of the completed rounds of `s` (not the transfer, which the caller makes last).
    function _settle(address who, Staker storage s, uint256 pool) private returns (uint256 reward) {
        uint256 completed = _completed_time(s.time, s.end_time, Timestamp);
        if (completed == 0) return 0;
        uint256 weight = completed * s.amount;
        reward = _reward_of(pool, weight, TotalStakingWeight, s.multiplier);
        TotalStakingWeight -= weight;
        s.time += completed;
        emit Claim(who, reward);
    }

    /// @dev Removes a stake and its remaining weight, amount x (Timestamp - time), from the totals.
    function _remove(address who, Staker storage s, uint256 amount) private {
        _checkpoint();
        TotalStakingWeight -= (Timestamp - s.time) * amount;
        TotalStakingAmount -= amount;
        staker_count -= 1;
        delete staker[who];
    }

    /// @dev Called before every change of TotalStakingAmount: on the first change in an epoch later than the last
    /// change's, records the total as it stood, the total at the end of every epoch since that change.
    function _checkpoint() private {
        if (block.timestamp < _last_change_epoch_end) return;
        uint256 epoch = _current_epoch();
        uint256 total = TotalStakingAmount;
        require(total <= type(uint192).max, "ColdStaking: total too large to record");
        _checkpoints[_checkpoint_count++] = (_last_change_epoch << 192) | total;
        _last_change_epoch = epoch;
        _last_change_epoch_end = governance_genesis + (epoch + 1) * governance_epoch_length;
    }

    /// @dev The governance epoch of the current block (governance must be set).
    function _current_epoch() private view returns (uint256) {
        return (block.timestamp - governance_genesis) / governance_epoch_length;
    }

    /// @dev Reads a uint256 view of `target` without trusting it to exist: any failure is a reason string.
    function _read_uint(address target, string memory signature) private view returns (uint256 value) {
        (bool ok, bytes memory data) = target.staticcall(abi.encodeWithSignature(signature));
        require(ok && data.length == 32, "ColdStaking: governance does not report its epochs");
        value = abi.decode(data, (uint256));
    }

    /// @dev Moves the contract clock, once a block.
    function _tick() private {
        if (block.number > LastBlock) {
            (Timestamp, TotalStakingWeight) = _clock();
            LastBlock = block.number;
        }
    }

    /// @dev The clock and total weight as the first call in this block sets them.
    function _clock() private view returns (uint256 now_, uint256 totalWeight) {
        now_ = Timestamp;
        totalWeight = TotalStakingWeight;
        if (block.number > LastBlock && block.timestamp > now_) {
            uint256 elapsed = block.timestamp - now_;
            uint256 blocks = block.number - LastBlock;
            // min(elapsed, blocks x max_seconds_per_block), without overflow for a huge max_seconds_per_block.
            if (elapsed / blocks >= max_seconds_per_block) elapsed = blocks * max_seconds_per_block;
            now_ += elapsed;
            totalWeight += elapsed * TotalStakingAmount;
        }
    }

    /// @dev The pool of a state-changing call: the value it brings is not part of it.
    function _pool() private view returns (uint256) {
        return address(this).balance - TotalStakingAmount - msg.value;
    }

    /// @dev Time of the whole rounds completed since `time`, counting only up to `end_time`.
    function _completed_time(uint256 time, uint256 end_time, uint256 now_) private view returns (uint256) {
        uint256 upto = now_ < end_time ? now_ : end_time;
        if (upto <= time) return 0;
        return ((upto - time) / round_interval) * round_interval;
    }

    /// @dev pool x weight / totalWeight x multiplier / 1e18, rounded down at each division, as V2.
    function _reward_of(
        uint256 pool,
        uint256 weight,
        uint256 totalWeight,
        uint256 multiplier
    ) private pure returns (uint256) {
        return ((pool * weight) / totalWeight) * multiplier / NOMINATOR;
    }

    function _multiplier(uint256 rounds) private pure returns (uint256) {
        if (rounds >= 12) return NOMINATOR;
        return BASE_MULTIPLIER + MULTIPLIER_PER_ROUND * rounds;
    }

    function _send(address to, uint256 value) private {
        (bool ok, ) = payable(to).call{value: value}("");
        require(ok, "ColdStaking: transfer failed");
    }
}
