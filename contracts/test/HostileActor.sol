// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A hostile contract account for tests: forwards calls (so it can be an author, a payee, an auditor)
/// and, when it receives CLO, either refuses it or re-enters its target once with prepared calldata, counting
/// whether the re-entry failed.
contract HostileActor {
    address public target;
    bytes public reenter_data;
    bool public refuse;
    uint256 public reentries;
    uint256 public failed_reentries;

    function configure(address _target, bytes calldata _reenter_data, bool _refuse) external {
        target = _target;
        reenter_data = _reenter_data;
        refuse = _refuse;
    }

    function exec(address to, bytes calldata data) external payable {
        (bool ok, bytes memory ret) = to.call{value: msg.value}(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
    }

    receive() external payable {
        require(!refuse, "HostileActor: refused");
        if (reenter_data.length > 0 && reentries == 0) {
            reentries += 1;
            (bool ok, ) = target.call(reenter_data);
            if (!ok) failed_reentries += 1;
        }
    }
}
